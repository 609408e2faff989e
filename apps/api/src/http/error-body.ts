import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from './error.filter';
import { COMMAND_NAMES, STATE_NAMES } from './vocabulary';

export class FieldError {
  @ApiProperty({ example: 'budget.amount.amountMinor' })
  field!: string;
  @ApiProperty({ type: [String], example: ['amountMinor must be an integer number'] })
  messages!: string[];
}

/** Every error answer has this shape; `code` is stable and meant for programs, `message` for people. */
export class ErrorBody {
  @ApiProperty({ example: 409 })
  statusCode!: number;
  @ApiProperty({
    example: 'COMMAND_REFUSED',
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'stable, for programs (`message` is for people)',
  })
  code!: string;
  @ApiProperty()
  message!: string;
  @ApiPropertyOptional({ type: [FieldError], description: 'every invalid field (400)' })
  errors?: FieldError[];
  @ApiPropertyOptional({
    enum: STATE_NAMES,
    enumName: 'StateName',
    description: 'the state the deal is in (409 COMMAND_REFUSED)',
  })
  state?: string;
  @ApiPropertyOptional({ description: 'the rule that refused (403, 409)' })
  rule?: string;
  @ApiPropertyOptional({
    enum: COMMAND_NAMES,
    enumName: 'CommandName',
    isArray: true,
    description: 'commands the deal accepts now that this caller may send (409 COMMAND_REFUSED)',
  })
  allowed?: string[];
}
