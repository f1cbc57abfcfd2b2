export { createTestDatabase, TestDatabase } from './database/template-database';
