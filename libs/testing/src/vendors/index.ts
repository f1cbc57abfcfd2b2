export * from './vendor-stack';
export * from './vendor-drivers';
export * from './fake-acme-vendor';
