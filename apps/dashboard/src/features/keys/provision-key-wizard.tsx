import { Button, Group, Modal, Stepper } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { ProvisionedKey } from '@/api/api-types';
import { ChooseDeveloperStep } from '@/features/keys/choose-developer-step';
import { ChooseVendorStep } from '@/features/keys/choose-vendor-step';
import { PolicyStep } from '@/features/keys/policy-step';
import { emptyProvisionForm, stepIsComplete, type ProvisionForm } from '@/features/keys/provision-form';
import { ReviewStep } from '@/features/keys/review-step';
import { useProvisionKey } from '@/features/keys/use-keys';
import { ErrorAlert } from '@/shared/error-alert';

interface ProvisionKeyWizardProps {
  opened: boolean;
  onClose: () => void;
  /** Receives the response with the one-time secret; the wizard keeps no copy. */
  onProvisioned: (key: ProvisionedKey) => void;
  initialDeveloperId?: string;
}

const LAST_STEP = 3;

export function ProvisionKeyWizard({
  opened,
  onClose,
  onProvisioned,
  initialDeveloperId,
}: ProvisionKeyWizardProps) {
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<ProvisionForm>({
    ...emptyProvisionForm,
    developerId: initialDeveloperId ?? null,
  });
  const provision = useProvisionKey();
  // One idempotency key per wizard run: a retried click can never create a second vendor key.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const update = useCallback(
    (change: Partial<ProvisionForm>) => setForm((current) => ({ ...current, ...change })),
    [],
  );

  const close = () => {
    setStep(0);
    setForm({ ...emptyProvisionForm, developerId: initialDeveloperId ?? null });
    provision.reset();
    setIdempotencyKey(crypto.randomUUID());
    onClose();
  };

  const submit = async () => {
    if (!form.developerId || !form.vendor || !form.connectionId) return;
    const key = await provision
      .mutateAsync({
        idempotencyKey,
        request: {
          developer_id: form.developerId,
          vendor: form.vendor,
          connection_id: form.connectionId,
          budget_limit_usd: form.budgetLimitUsd,
          rate_limit_rpm: form.rateLimitRpm,
          expires_in_days: form.expiresInDays,
          ...(form.modelsAllowed.length > 0 ? { models_allowed: form.modelsAllowed } : {}),
          ...(form.description ? { description: form.description } : {}),
        },
      })
      .catch(() => null);
    if (!key) return;
    close();
    onProvisioned(key);
  };

  const canContinue = stepIsComplete(step, form);
  return (
    <Modal opened={opened} onClose={close} title="Provision a key" size="xl" closeOnClickOutside={false}>
      <Stepper
        active={step}
        onStepClick={(target) => target < step && setStep(target)}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label="Developer">
          <ChooseDeveloperStep form={form} update={update} />
        </Stepper.Step>
        <Stepper.Step label="Vendor">
          <ChooseVendorStep form={form} update={update} />
        </Stepper.Step>
        <Stepper.Step label="Policy">
          <PolicyStep form={form} update={update} />
        </Stepper.Step>
        <Stepper.Step label="Review">
          <ReviewStep form={form} />
        </Stepper.Step>
      </Stepper>
      {provision.isError ? (
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={provision.error} />
        </div>
      ) : null}
      <Group justify="space-between" mt="xl">
        <Button variant="default" onClick={step === 0 ? close : () => setStep(step - 1)}>
          {step === 0 ? 'Cancel' : 'Back'}
        </Button>
        {step < LAST_STEP ? (
          <Button onClick={() => setStep(step + 1)} disabled={!canContinue}>
            Continue
          </Button>
        ) : (
          <Button onClick={() => void submit()} loading={provision.isPending}>
            Provision key
          </Button>
        )}
      </Group>
    </Modal>
  );
}
