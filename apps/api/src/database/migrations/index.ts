import { Foundation1763900000000 } from './1763900000000-Foundation';
import { KeyLifecycle1763900100000 } from './1763900100000-KeyLifecycle';
import { KeySuspension1763900200000 } from './1763900200000-KeySuspension';
import { SessionChangeNotify1763900500000 } from './1763900500000-SessionChangeNotify';
import { AuditAppendFunction1763900600000 } from './1763900600000-AuditAppendFunction';

/** Every committed migration, oldest first. A new migration is added here and nowhere else. */
export const MIGRATIONS = [Foundation1763900000000, KeyLifecycle1763900100000, KeySuspension1763900200000, SessionChangeNotify1763900500000, AuditAppendFunction1763900600000];
