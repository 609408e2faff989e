import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { idFromCommand } from '@ltc/engine';
import { ApiCommand } from '../http/api-command.decorator';
import { CommandMetadata, type CommandMeta } from '../http/command-meta.decorator';
import { commandResponse, plain } from '../http/command-response';
import type { CommandResultDto } from '../http/command-result.dto';
import { ReasonDto } from '../http/common.dto';
import { IdPipe } from '../http/id.pipe';
import { DealQueryController } from '../queries/deal-query.controller';
import * as cmd from './lead.commands';
import {
  AssignLeadDto,
  CaptureLeadDto,
  ConvertLeadDto,
  NurtureLeadDto,
  QualifyLeadDto,
  ReassignLeadDto,
  RecordLeadTouchDto,
} from './lead.dtos';

const stream = (id: string) => `lead-${id}`;

@ApiTags('leads')
@Controller('api/leads')
export class LeadController extends DealQueryController('lead', 'Lead') {
  constructor(
    private readonly commands: CommandBus,
    queries: QueryBus,
  ) {
    super(queries);
  }

  @ApiCommand(
    '',
    'CaptureLead',
    'collect a lead for a customer (from an event, salon, referral, campaign...)',
  )
  async capture(
    @Body() body: CaptureLeadDto,
    @CommandMetadata() meta: CommandMeta,
  ): Promise<CommandResultDto> {
    const { leadId, ...data } = plain(body);
    const id = leadId ?? idFromCommand(meta.commandId, 'lead');
    return commandResponse(
      id,
      await this.commands.execute(
        new cmd.CaptureLeadCommand(stream(id), { type: 'CaptureLead', data }, meta),
      ),
    );
  }

  @ApiCommand(':id/touches', 'RecordLeadTouch', 'record a visit, call, chat or email')
  async touch(
    @Param('id', IdPipe) id: string,
    @Body() body: RecordLeadTouchDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.RecordLeadTouchCommand(
      stream(id),
      { type: 'RecordLeadTouch', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/assign', 'AssignLead', 'give the lead an owner (managers)')
  async assign(
    @Param('id', IdPipe) id: string,
    @Body() body: AssignLeadDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.AssignLeadCommand(stream(id), { type: 'AssignLead', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/reassign', 'ReassignLead', 'move the lead to another owner, with the reason (managers)')
  async reassign(
    @Param('id', IdPipe) id: string,
    @Body() body: ReassignLeadDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ReassignLeadCommand(
      stream(id),
      { type: 'ReassignLead', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/qualify',
    'QualifyLead',
    'qualify with full BANT (budget, authority, need, time) and a grade',
  )
  async qualify(
    @Param('id', IdPipe) id: string,
    @Body() body: QualifyLeadDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.QualifyLeadCommand(stream(id), { type: 'QualifyLead', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/nurture', 'NurtureLead', 'park the lead for nurturing until a revisit date')
  async nurture(
    @Param('id', IdPipe) id: string,
    @Body() body: NurtureLeadDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.NurtureLeadCommand(stream(id), { type: 'NurtureLead', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/disqualify', 'DisqualifyLead', 'drop the lead, with the reason')
  async disqualify(
    @Param('id', IdPipe) id: string,
    @Body() body: ReasonDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.DisqualifyLeadCommand(
      stream(id),
      { type: 'DisqualifyLead', data: plain(body) },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(':id/reopen', 'ReopenLead', 'reopen a disqualified lead, with the reason')
  async reopen(
    @Param('id', IdPipe) id: string,
    @Body() body: ReasonDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const message = new cmd.ReopenLeadCommand(stream(id), { type: 'ReopenLead', data: plain(body) }, meta);
    return commandResponse(id, await this.commands.execute(message));
  }

  @ApiCommand(
    ':id/convert',
    'ConvertLead',
    'convert a qualified lead; its opportunity is opened by the engine',
  )
  async convert(
    @Param('id', IdPipe) id: string,
    @Body() body: ConvertLeadDto,
    @CommandMetadata() meta: CommandMeta,
  ) {
    const opportunityId = plain(body).opportunityId ?? idFromCommand(meta.commandId, 'opportunity');
    const message = new cmd.ConvertLeadCommand(
      stream(id),
      { type: 'ConvertLead', data: { opportunityId } },
      meta,
    );
    return commandResponse(id, await this.commands.execute(message));
  }
}
