/** The discount form's own inputs: each shows what a person types and hands the form the contract's number or instant. */
import { Group, TextInput, type TextInputProps } from '@mantine/core';
import { useDraft } from '@/components/use-draft';
import { basisPointsToInput, isoToStoreParts, percentInputToBasisPoints, storePartsToIso } from '../discount-labels';

type NumberFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  value: number | null;
  onChange: (value: number | null) => void;
};

/** "15" or "12.5" → basis points (1500, 1250); NaN while it is not a percent, so the schema's message shows. */
export function PercentInput({ value, onChange, ...rest }: NumberFieldProps) {
  const [text, setText] = useDraft(
    value,
    (bp) => (bp === null || Number.isNaN(bp) ? '' : basisPointsToInput(bp)),
    (typed) => (typed.trim() === '' ? Number.NaN : percentInputToBasisPoints(typed)),
  );
  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      rightSection={<span aria-hidden>%</span>}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(next.trim() === '' ? Number.NaN : percentInputToBasisPoints(next));
      }}
    />
  );
}

/** A whole number, or empty for none (null); NaN while what is typed is not one. */
export function WholeNumberInput({ value, onChange, ...rest }: NumberFieldProps) {
  const toNumber = (typed: string) => (typed.trim() === '' ? null : /^\s*\d{1,9}\s*$/.test(typed) ? Number(typed) : Number.NaN);
  const [text, setText] = useDraft(value, (n) => (n === null || Number.isNaN(n) ? '' : String(n)), toNumber);
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(toNumber(e.currentTarget.value));
      }}
    />
  );
}

type StoreDateTimeProps = {
  label: string;
  /** An ISO instant; '' while the day is missing. */
  value: string;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  error?: string;
  disabled?: boolean;
};

/** A day and a time on the store's clock (America/New_York), whatever the browser's zone. */
export function StoreDateTimeInput({ label, value, onChange, onBlur, error, disabled }: StoreDateTimeProps) {
  const [parts, setParts] = useDraft(value, isoToStoreParts, (p) => storePartsToIso(p.date, p.time));
  const change = (typed: { date: string; time: string }) => {
    // A day without a time starts at midnight, shown as such rather than left blank.
    const next = typed.date && !typed.time ? { ...typed, time: '00:00' } : typed;
    setParts(next);
    onChange(storePartsToIso(next.date, next.time));
  };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        type="date"
        label={label}
        w={170}
        value={parts.date}
        onChange={(e) => change({ ...parts, date: e.currentTarget.value })}
        onBlur={onBlur}
        error={error}
        disabled={disabled}
      />
      <TextInput
        type="time"
        label="Time (ET)"
        aria-label={`${label}, time (ET)`}
        w={130}
        value={parts.time}
        onChange={(e) => change({ ...parts, time: e.currentTarget.value })}
        onBlur={onBlur}
        disabled={disabled}
      />
    </Group>
  );
}
