import { statSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { readUsersFile, UserDirectory } from '@ltc/users';

/**
 * The users file as a directory, re-read when the file changes (checked at most once a second), so
 * `ltc users add` takes effect without a restart. A broken file keeps the last good directory.
 */
@Injectable()
export class UserDirectoryProvider {
  private readonly logger = new Logger('Users');
  private directory: UserDirectory;
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(private readonly file: string) {
    this.directory = new UserDirectory(readUsersFile(file));
    this.mtimeMs = this.stat();
    if (this.directory.document.users.length === 0) {
      this.logger.warn(
        `no users in ${file}: add one with \`npm run ltc -- users add <id> --role rep --team <team>\``,
      );
    }
  }

  current(now = Date.now()): UserDirectory {
    if (now - this.checkedAt >= 1000) {
      this.checkedAt = now;
      const mtime = this.stat();
      if (mtime !== this.mtimeMs) {
        try {
          this.directory = new UserDirectory(readUsersFile(this.file));
          this.mtimeMs = mtime;
        } catch (error) {
          this.logger.error(`users file unreadable, keeping the previous one: ${String(error)}`);
        }
      }
    }
    return this.directory;
  }

  private stat(): number {
    try {
      return statSync(this.file).mtimeMs;
    } catch {
      return 0;
    }
  }
}
