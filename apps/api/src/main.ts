import 'reflect-metadata';
import { runCommand } from './bootstrap/commands';

void runCommand(process.argv.slice(2));
