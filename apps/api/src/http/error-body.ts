import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
    description:
      'INVALID_INPUT, INVALID_COMMAND, INVALID_VALUE, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, STREAM_NOT_FOUND, ' +
      'COMMAND_REFUSED, CONCURRENCY, IDEMPOTENCY_KEY_REUSED, INTERNAL',
  })
  code!: string;
  @ApiProperty()
  message!: string;
  @ApiPropertyOptional({ type: [FieldError], description: 'every invalid field (400)' })
  errors?: FieldError[];
  @ApiPropertyOptional({ description: 'the state the deal is in (409 COMMAND_REFUSED)' })
  state?: string;
  @ApiPropertyOptional({ description: 'the rule that refused (403, 409)' })
  rule?: string;
  @ApiPropertyOptional({ type: [String], description: 'commands the deal accepts now (409 COMMAND_REFUSED)' })
  allowed?: string[];
}
