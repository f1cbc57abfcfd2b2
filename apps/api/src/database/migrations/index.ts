import { Foundation1763900000000 } from './1763900000000-Foundation';

/** Every committed migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [Foundation1763900000000];
