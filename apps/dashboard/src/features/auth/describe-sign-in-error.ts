import { ApiError } from '@keygate/api-client';
import { describeError } from '@/shared/describe-error';
import { formatDateTime, formatRelative } from '@/shared/format';

export interface SignInErrorMessage {
  title: string;
  message: string;
}

/** Tells the person exactly why they are not in, and what to do next. */
export function describeSignInError(error: unknown): SignInErrorMessage {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'invalid_credentials':
        return {
          title: 'Wrong email or password',
          message: 'Check both and try again. Passwords are case-sensitive.',
        };
      case 'account_locked': {
        const until = typeof error.details.locked_until === 'string' ? error.details.locked_until : null;
        return {
          title: 'Account locked',
          message: until
            ? `Too many failed attempts. You can try again ${formatRelative(until)} (at ${formatDateTime(until)}), or ask an owner to reset your password.`
            : 'Too many failed attempts. Wait 15 minutes or ask an owner to reset your password.',
        };
      }
      case 'too_many_requests':
        return {
          title: 'Too many attempts',
          message: 'Too many sign-in attempts from this network. Wait a minute, then try again.',
        };
      default:
        break;
    }
  }
  const { title, message } = describeError(error);
  return { title, message };
}
