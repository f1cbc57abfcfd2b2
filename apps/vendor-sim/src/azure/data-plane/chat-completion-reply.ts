import { createHash } from 'node:crypto';

export interface ChatMessage {
  role: string;
  text: string;
}

/** Rough token count (about four characters a token), at least one. */
export const estimateTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) =>
      typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string'
        ? (part as { text: string }).text
        : '',
    )
    .join(' ');
}

/** The request's messages, or null when the body has none that a model could read. */
export function parseMessages(body: unknown): ChatMessage[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const messages = (body as { messages?: unknown }).messages;
  if (!Array.isArray(messages) || messages.length === 0) return null;
  const parsed: ChatMessage[] = [];
  for (const message of messages as unknown[]) {
    if (typeof message !== 'object' || message === null) return null;
    const role = (message as { role?: unknown }).role;
    if (typeof role !== 'string') return null;
    parsed.push({ role, text: textOf((message as { content?: unknown }).content) });
  }
  return parsed;
}

/** A deterministic answer: the same conversation always gets the same words. */
export function deterministicReply(model: string, messages: ChatMessage[]): string {
  const lastUser = [...messages].reverse().find((message) => message.role === 'user')?.text ?? '';
  const digest = createHash('sha256')
    .update(messages.map((message) => `${message.role}:${message.text}`).join('\n'))
    .digest('hex');
  return `Simulated ${model} reply ${digest.slice(0, 8)} to: ${lastUser.slice(0, 80)}`;
}
