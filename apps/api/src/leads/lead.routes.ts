import { leadStream } from '@ltc/domain';
import type { LeadCommand } from '@ltc/workflow-lead';
import { ReasonDto } from '../http/common.dto';
import { routeTable } from '../http/command-route';
import { CaptureLeadDto } from './dtos/capture-lead.dtos';
import { ConvertLeadDto } from './dtos/convert-lead.dto';
import { AssignLeadDto, ReassignLeadDto } from './dtos/lead-owner.dtos';
import { RecordLeadTouchDto } from './dtos/lead-touch.dto';
import { NurtureLeadDto } from './dtos/nurture-lead.dto';
import { QualifyLeadDto } from './dtos/qualify-lead.dtos';
import { LeadWorkflowCommand } from './lead.commands';

/** Every lead command over HTTP: `POST /api/leads/...`. */
export const leadRoutes = routeTable<LeadCommand>()({
  path: 'leads',
  label: 'Lead',
  labelPlural: 'Leads',
  stream: leadStream,
  message: LeadWorkflowCommand,
  routes: {
    CaptureLead: {
      path: '',
      dto: CaptureLeadDto,
      creates: 'leadId',
      summary: 'collect a lead for a customer (from an event, salon, referral, campaign...)',
    },
    RecordLeadTouch: {
      path: ':id/touches',
      dto: RecordLeadTouchDto,
      summary: 'record a visit, call, chat or email',
    },
    AssignLead: { path: ':id/assign', dto: AssignLeadDto, summary: 'give the lead an owner (managers)' },
    ReassignLead: {
      path: ':id/reassign',
      dto: ReassignLeadDto,
      summary: 'move the lead to another owner, with the reason (managers)',
    },
    QualifyLead: {
      path: ':id/qualify',
      dto: QualifyLeadDto,
      summary: 'qualify with full BANT (budget, authority, need, time) and a grade',
    },
    NurtureLead: {
      path: ':id/nurture',
      dto: NurtureLeadDto,
      summary: 'park the lead for nurturing until a revisit date',
    },
    DisqualifyLead: { path: ':id/disqualify', dto: ReasonDto, summary: 'drop the lead, with the reason' },
    ReopenLead: {
      path: ':id/reopen',
      dto: ReasonDto,
      summary: 'reopen a disqualified lead, with the reason',
    },
    ConvertLead: {
      path: ':id/convert',
      dto: ConvertLeadDto,
      newIds: { opportunityId: 'opportunity' },
      summary: 'convert a qualified lead; its opportunity is opened by the engine',
    },
  },
});
