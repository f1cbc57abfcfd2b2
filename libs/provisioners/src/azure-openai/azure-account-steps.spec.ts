import { parseModelSpec } from './azure-account-steps';
import { capacityForRpm } from './azure-capabilities';

describe('Azure deployment sizing', () => {
  it('converts requests per minute to capacity units of 6 RPM, rounding up, at least one unit', () => {
    expect(capacityForRpm(60)).toBe(10);
    expect(capacityForRpm(61)).toBe(11);
    expect(capacityForRpm(1)).toBe(1);
    expect(capacityForRpm(0)).toBe(1);
  });

  it('reads model@version specs and names the deployment after the model', () => {
    expect(parseModelSpec('gpt-4o@2024-08-06')).toEqual({ model: 'gpt-4o', version: '2024-08-06', deploymentName: 'gpt-4o' });
    expect(parseModelSpec('gpt-4o-mini')).toEqual({ model: 'gpt-4o-mini', deploymentName: 'gpt-4o-mini' });
  });
});
