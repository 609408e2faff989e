import { Module } from '@nestjs/common';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

/** History import: `POST /api/import` (admins), the lines through the pipeline and the process managers (a global module). */
@Module({
  controllers: [ImportController],
  providers: [ImportService],
})
export class ImportModule {}
