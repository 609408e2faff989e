import { customerStream } from '@ltc/domain';
import type { CustomerCommand } from '@ltc/workflow-customer';
import { routeTable, type RouteContext } from '../http/command-route';
import { ClaimCustomerDto, TransferCustomerDto } from './dtos/customer-owner.dtos';
import { ReleaseCustomerDto, ReturnCustomerDto } from './dtos/customer-pool.dtos';
import { ChangeCustomerSegmentDto } from './dtos/customer-segment.dto';
import { RecordCustomerTouchDto } from './dtos/customer-touch.dto';
import { RegisterCustomerDto } from './dtos/register-customer.dto';
import { CustomerWorkflowCommand } from './customer.commands';

/** Every customer command over HTTP: `POST /api/customers/...`. */
export const customerRoutes = routeTable<CustomerCommand>()({
  path: 'customers',
  label: 'Customer',
  labelPlural: 'Customers',
  stream: customerStream,
  message: CustomerWorkflowCommand,
  routes: {
    RegisterCustomer: {
      path: '',
      dto: RegisterCustomerDto,
      creates: 'customerId',
      summary: 'register a customer; it starts in the public pool',
    },
    ClaimCustomer: {
      path: ':id/claim',
      dto: ClaimCustomerDto,
      // Capacity counts across streams: the engine reads it from the deal index, never from the client.
      data: (body: ClaimCustomerDto, { meta, ownedCustomers }: RouteContext) => ({
        ...body,
        ownedCount: ownedCustomers(body.owner ?? meta.actor.id),
      }),
      derived: ['ownedCount'],
      summary: 'take a public-pool customer into a private pool (capacity applies)',
    },
    TransferCustomer: {
      path: ':id/transfer',
      dto: TransferCustomerDto,
      data: (body: TransferCustomerDto, { ownedCustomers }: RouteContext) => ({
        ...body,
        ownedCount: ownedCustomers(body.owner),
      }),
      derived: ['ownedCount'],
      summary: 'move the customer to another owner (managers)',
    },
    RecordCustomerTouch: {
      path: ':id/touches',
      dto: RecordCustomerTouchDto,
      summary: 'record a visit, call, chat or email (keeps it out of the sweep)',
    },
    ReleaseCustomer: {
      path: ':id/release',
      dto: ReleaseCustomerDto,
      summary: 'the owner lets the customer go to the public pool',
    },
    ReturnCustomerToPublicPool: {
      path: ':id/return',
      dto: ReturnCustomerDto,
      data: (body: ReturnCustomerDto) => ({ reason: 'manager' as const, note: body.note }),
      summary: 'a manager returns the customer to the public pool',
    },
    ChangeCustomerSegment: {
      path: ':id/segment',
      dto: ChangeCustomerSegmentDto,
      summary: 'mark the customer strategic or ordinary (managers)',
    },
  },
});
