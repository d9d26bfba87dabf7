import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/api/api-error';
import { MAX_STOCK_UNITS } from '@/contract/constants';
import { thresholdSchema, type InventoryLevel } from '@/contract/stock-schemas';
import { applyFreshLevels, useSetThreshold } from '../api/inventory-mutations';
import { CurrentNumbers } from './adjust-dialog';
import { freshLevelsOf } from './fresh-levels';
import { CLOSE_BUTTON, formatUnits } from './stock-labels';

type ThresholdDialogProps = { level: InventoryLevel; locationName: (id: string) => string; onClose: () => void };

/** The low-stock threshold of one variant at one location, sent with the version it was read at (If-Match). */
export function ThresholdDialog({ level: opened, locationName, onClose }: ThresholdDialogProps) {
  const queryClient = useQueryClient();
  const save = useSetThreshold();
  // After a 409 this becomes the fresh level, so a second save is made on what is shown.
  const [level, setLevel] = useState(opened);
  const [value, setValue] = useState<number | ''>(opened.threshold);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The API's own rule, so each wrong value is told what is wrong with it (none, a fraction, below 0, too many).
    const threshold = thresholdSchema.safeParse(value === '' ? undefined : value);
    if (!threshold.success) return setError(threshold.error.issues[0]?.message ?? 'Enter a number of units');
    setError(null);
    try {
      const saved = await save.mutateAsync({ level, threshold: threshold.data });
      notifications.show({
        color: 'green',
        title: 'Threshold saved',
        message: `${saved.sku} at ${locationName(saved.locationId)}: low at ${formatUnits(saved.threshold)} or fewer available`,
      });
      onClose();
    } catch (failure) {
      const fresh = freshLevelsOf(failure)?.find((l) => l.variantId === level.variantId && l.locationId === level.locationId);
      if (fresh) {
        setConflict(true);
        setLevel(fresh);
        applyFreshLevels(queryClient, [fresh]);
        return;
      }
      if (!(failure instanceof ApiError)) throw failure;
      setError(failure.fieldErrors.threshold ?? failure.message);
    }
  }

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={`Low-stock threshold: ${level.sku}`} size="sm">
      <form onSubmit={submit} noValidate aria-label={`Threshold of ${level.sku} at ${locationName(level.locationId)}`}>
        <Stack gap="sm">
          <Text size="sm">
            {level.title}
            {level.variantTitle && ` · ${level.variantTitle}`} at {locationName(level.locationId)}
          </Text>
          {conflict && (
            <Alert color="yellow" title="This level changed since you opened it" role="alert">
              Nothing was saved. Its threshold is now {formatUnits(level.threshold)}; save again to set yours.
            </Alert>
          )}
          <CurrentNumbers level={level} />
          <NumberInput
            label="Threshold"
            description="Running low at this many available units or fewer"
            required
            min={0}
            max={MAX_STOCK_UNITS}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save threshold
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
