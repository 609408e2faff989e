export * from './user-directory';
export * from './users-file';
