import { Textarea, type TextareaProps } from '@mantine/core';

/**
 * For pasting a secret that is not the person's password (a vendor admin key, a leaked key). A
 * password field would make the browser offer to save it in its password manager.
 */
export function SecretTextarea(props: TextareaProps) {
  return (
    <Textarea
      autosize
      minRows={1}
      maxRows={8}
      autoComplete="off"
      spellCheck={false}
      data-1p-ignore
      data-lpignore="true"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      {...props}
    />
  );
}
