export { type AzureSimOptions, type RunningAzureSim, startAzureSim } from '@sim/azure/start-azure-sim';
