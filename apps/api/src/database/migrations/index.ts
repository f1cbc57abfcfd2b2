import { Foundation1763900000000 } from './1763900000000-Foundation';
import { KeyLifecycle1763900100000 } from './1763900100000-KeyLifecycle';

/** Every committed migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [Foundation1763900000000, KeyLifecycle1763900100000];
