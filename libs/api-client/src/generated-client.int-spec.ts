import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('the generated API client', () => {
  it('is fresh: src/generated/schema.ts is what openapi.json generates', () => {
    const script = join(__dirname, '..', 'scripts', 'generate.mjs');
    let complaint = '';
    try {
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe', encoding: 'utf8' });
    } catch (error: unknown) {
      complaint = (error as { stderr?: string }).stderr || String(error);
    }
    expect(complaint).toBe('');
  });
});
