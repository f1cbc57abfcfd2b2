export {
  type GoogleSimOptions,
  type GoogleSimPorts,
  type RunningGoogleSim,
  startGoogleSim,
} from '@sim/google/start-google-sim';
