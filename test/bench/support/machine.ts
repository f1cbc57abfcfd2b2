import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** 1-minute load average now. */
export const loadNow = (): number => loadavg()[0] ?? 0;

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1-minute load average when the run started: other agents share these cores. */
  loadAtStart: number;
}

function procFile(name: string): string {
  try {
    return readFileSync(`/proc/${name}`, 'utf8');
  } catch {
    return '';
  }
}

/** CPU model, core count and memory as /proc reports them. */
export function describeMachine(): Machine {
  const cpuinfo = procFile('cpuinfo');
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const cores = cpuinfo.split('\n').filter((line) => /^processor\s*:/.test(line)).length;
  const memKb = Number(/^MemTotal:\s+(\d+) kB$/m.exec(procFile('meminfo'))?.[1] ?? 0);
  return { cpuModel, cores, memoryGiB: Math.round((memKb / 1024 / 1024) * 10) / 10, node: process.version, loadAtStart: loadNow() };
}
