/** What the provision wizard collects, step by step. Numbers stay numbers; the API applies the same defaults. */
export interface ProvisionForm {
  developerId: string | null;
  vendor: string | null;
  connectionId: string | null;
  budgetLimitUsd: number;
  rateLimitRpm: number;
  expiresInDays: number;
  modelsAllowed: string[];
  description: string;
}

export const emptyProvisionForm: ProvisionForm = {
  developerId: null,
  vendor: null,
  connectionId: null,
  budgetLimitUsd: 50,
  rateLimitRpm: 60,
  expiresInDays: 90,
  modelsAllowed: [],
  description: '',
};

export type ProvisionFormUpdate = (change: Partial<ProvisionForm>) => void;

export function stepIsComplete(step: number, form: ProvisionForm): boolean {
  switch (step) {
    case 0:
      return form.developerId !== null;
    case 1:
      return form.vendor !== null && form.connectionId !== null;
    case 2:
      return form.budgetLimitUsd > 0 && form.rateLimitRpm > 0 && form.expiresInDays > 0;
    default:
      return true;
  }
}
