export * from './vendor-stack';
export * from './vendor-drivers';
