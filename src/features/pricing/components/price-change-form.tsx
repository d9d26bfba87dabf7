import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, type Control, type FieldErrors, type UseFormRegister, useWatch } from 'react-hook-form';
import { STORE_TIME_ZONE } from '@/contract/constants';
import type { PriceFormValues } from '../schemas';

type Props = {
  control: Control<PriceFormValues>;
  register: UseFormRegister<PriceFormValues>;
  errors: FieldErrors<PriceFormValues>;
};

const OPS = [
  { value: 'lower', label: 'Lower' },
  { value: 'raise', label: 'Raise' },
  { value: 'set', label: 'Set to' },
  { value: 'keep', label: 'Keep price' },
];
const ENDINGS = [
  { value: 'none', label: 'No rounding' },
  { value: '99', label: 'Nearest .99' },
  { value: '95', label: 'Nearest .95' },
  { value: 'whole', label: 'Nearest whole dollar' },
];

/** The fields of a bulk change; the page owns the form, the preview and the submit. */
export function PriceChangeForm({ control, register, errors }: Props) {
  const [op, unit, floorOn, schedule, endOn] = useWatch({ control, name: ['op', 'unit', 'floorOn', 'schedule', 'endOn'] });
  const percent = unit === 'percent' && op !== 'set';

  return (
    <Stack gap="sm">
      <TextInput label="Name of the change" placeholder="Black Friday audio sale" {...register('label')} error={errors.label?.message} />
      <Controller
        control={control}
        name="op"
        render={({ field }) => (
          <Radio.Group label="Price" value={field.value} onChange={field.onChange} error={errors.op?.message}>
            <Group gap="md" mt={4}>
              {OPS.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      {op !== 'keep' && (
        <Group align="flex-start" gap="sm">
          {op !== 'set' && (
            <Controller
              control={control}
              name="unit"
              render={({ field }) => (
                <Radio.Group label="By" value={field.value} onChange={field.onChange}>
                  <Group gap="md" mt={8}>
                    <Radio value="percent" label="Percent" />
                    <Radio value="amount" label="Amount" />
                  </Group>
                </Radio.Group>
              )}
            />
          )}
          <TextInput
            label={percent ? 'Percent' : 'Amount'}
            w={140}
            inputMode="decimal"
            autoComplete="off"
            leftSection={percent ? undefined : <span aria-hidden>$</span>}
            rightSection={percent ? <span aria-hidden>%</span> : undefined}
            {...register('amount')}
            error={errors.amount?.message}
          />
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Controller
          control={control}
          name="ending"
          render={({ field }) => (
            <Select
              label="Round the new price to"
              data={ENDINGS}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
              disabled={op === 'keep'}
            />
          )}
        />
        <Controller
          control={control}
          name="compareAt"
          render={({ field }) => (
            <Select
              label="Compare-at price"
              data={[
                { value: 'keep', label: 'Leave as it is' },
                { value: 'start-sale', label: 'Start a sale (old price becomes compare-at)' },
                { value: 'end-sale', label: 'End a sale (clear compare-at)' },
              ]}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
            />
          )}
        />
      </SimpleGrid>
      <Group align="flex-end" gap="sm">
        <Checkbox label="Never below cost plus a margin of" {...register('floorOn')} mb={8} />
        <TextInput
          aria-label="Minimum margin"
          w={110}
          inputMode="decimal"
          rightSection={<span aria-hidden>%</span>}
          disabled={!floorOn}
          {...register('floor')}
          error={errors.floor?.message}
        />
      </Group>
      <Checkbox label="Schedule it instead of applying now" {...register('schedule')} />
      {schedule && (
        <Group gap="sm" align="flex-start">
          <TextInput type="date" label="Starts on" {...register('startDate')} error={errors.startDate?.message} />
          <TextInput type="time" label="at" {...register('startTime')} />
        </Group>
      )}
      <Checkbox label="Return to the old prices at a set time" {...register('endOn')} />
      {endOn && (
        <Group gap="sm" align="flex-start">
          <TextInput type="date" label="Ends on" {...register('endDate')} error={errors.endDate?.message} />
          <TextInput type="time" label="at" {...register('endTime')} />
        </Group>
      )}
      {(schedule || endOn) && (
        <Text size="xs" c="dimmed">
          Times are the store’s ({STORE_TIME_ZONE.replace('_', ' ')}), wherever you are.
        </Text>
      )}
      <Checkbox label="Leave flagged variants out (otherwise any flag stops the whole change)" {...register('skipFlagged')} />
    </Stack>
  );
}
