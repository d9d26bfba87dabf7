/**
 * What the return and cancel dialogs share: a form whose rules follow the
 * order as it is now (after a 409, the fresh one), one Idempotency-Key per
 * attempt, the API's refusals put beside their fields, and the modal around it
 * (full screen on a phone, so a line's fields have the width they need).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEventHandler, type ReactNode } from 'react';
import {
  Controller,
  get,
  useForm,
  type Control,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { z } from 'zod';
import type { Order, OrderLine } from '@/contract/order-schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { useAttemptKey } from '@/components/use-attempt-key';
import { applyFreshOrder, type Keyed } from '../api/order-mutations';
import { ConflictAlert } from './conflict-alert';
import { formLinePath, readOrderFailure } from './order-failure';
import { CLOSE_BUTTON } from './order-labels';

/** A form checked by `schemaFor(order)`, the order handed in as the form's context so the rules follow it. */
export function useOrderForm<F extends FieldValues>(
  order: Order,
  schemaFor: (order: Order) => z.ZodType<F, F>,
  defaultValues: DefaultValues<F>,
) {
  const [server] = useState(() =>
    withServerErrors<F>(((values, context, options) => zodResolver(schemaFor(context as Order))(values, context, options)) as Resolver<F>),
  );
  const form = useForm<F, Order>({ resolver: server.resolver as Resolver<F, Order>, context: order, defaultValues, mode: 'onTouched' });
  return { form, server };
}

type SubmitOptions<T, F extends FieldValues> = {
  mutation: UseMutationResult<Order, Error, Keyed<T>>;
  form: UseFormReturn<F, Order>;
  server: ReturnType<typeof withServerErrors<F>>;
};

/** The form's field for a path of the API's 422 ("lines.0.restock"), or null to say it above the form. */
export type FieldOf<F extends FieldValues> = (path: string) => Path<F> | null;

/**
 * The fields of a form that sends only its lines with units (`sent`: their indexes in the form) and some
 * fields by name: "lines.1.quantity" is the second line sent; a name in `fields` is itself.
 */
export function sentFields<F extends FieldValues>(sent: readonly number[], fields: readonly Path<F>[]): FieldOf<F> {
  return (path) => (path.startsWith('lines.') ? (formLinePath(path, sent) as Path<F> | null) : (fields.find((f) => f === path) ?? null));
}

/**
 * Sends an attempt: the same input again (a double click, a retry) carries the same key. A 409 shows the fresh
 * order and says so; a 422 puts each message on its field. Resolves the order as it is now, or null when refused.
 */
export function useOrderSubmit<T, F extends FieldValues>({ mutation, form, server }: SubmitOptions<T, F>) {
  const queryClient = useQueryClient();
  const attempt = useAttemptKey();
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function send(input: T, fieldOf: FieldOf<F>): Promise<Order | null> {
    setFormError(null);
    try {
      const updated = await mutation.mutateAsync({ input, idempotencyKey: attempt.keyFor(input) });
      attempt.reset();
      return updated;
    } catch (error) {
      const failure = readOrderFailure(error);
      if (failure.fresh) {
        setConflict(true);
        applyFreshOrder(queryClient, failure.fresh);
        return null;
      }
      const unplaced: string[] = [];
      Object.entries(failure.fieldErrors).forEach(([path, message], i) => {
        const field = fieldOf(path);
        if (!field) return void unplaced.push(message);
        server.refuse(field, get(form.getValues(), field), message);
        form.setError(field, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(Object.keys(failure.fieldErrors).length === 0 ? failure.message : unplaced.join(' ') || null);
      return null;
    }
  }

  return { send, conflict, formError, pending: mutation.isPending };
}

type OrderActionModalProps = {
  title: string;
  /** The alert's title when the API refuses: what did not happen ("Nothing was returned"). */
  refusedTitle: string;
  conflict: boolean;
  formError: string | null;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  disabled?: boolean;
  cancelLabel?: string;
  size?: string;
  children: ReactNode;
};

export function OrderActionModal(props: OrderActionModalProps) {
  const { title, refusedTitle, conflict, formError, onClose, onSubmit, submitLabel, submitColor, pending, disabled, children } = props;
  // Mantine's `sm` breakpoint, as the app shell's.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={title} size={props.size ?? 'lg'} fullScreen={phone}>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="sm">
          {conflict && <ConflictAlert />}
          {formError && (
            <Alert color="red" title={refusedTitle} role="alert">
              {formError}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {props.cancelLabel ?? 'Cancel'}
            </Button>
            <Button type="submit" color={submitColor} loading={pending} disabled={disabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A line as the dialogs name it: its SKU, then the product and variant. */
export function LineName({ line }: { line: Pick<OrderLine, 'sku' | 'title' | 'variantTitle'> }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {line.sku}
      </Text>
      <Text size="xs" c="dimmed">
        {line.title}
        {line.variantTitle && ` · ${line.variantTitle}`}
      </Text>
    </>
  );
}

type UnitsFieldProps<F extends FieldValues> = {
  control: Control<F, Order>;
  name: Path<F>;
  label: string;
  max: number;
  disabled?: boolean;
  /** After the field has taken a new value (NaN while empty). */
  onValueChange?: (value: number) => void;
};

/** A whole number of units, 0 to `max`; empty is NaN, which the form's schema names ("Enter a number of units"). */
export function UnitsField<F extends FieldValues>({ control, name, label, max, disabled, onValueChange }: UnitsFieldProps<F>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          aria-label={label}
          w={96}
          min={0}
          max={Math.max(0, max)}
          allowDecimal={false}
          allowNegative={false}
          disabled={disabled}
          value={Number.isNaN(field.value) ? '' : field.value}
          onChange={(v) => {
            const value = typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v);
            field.onChange(value);
            onValueChange?.(value);
          }}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** A whole number of units from 0, as each line's field checks it (the most is each dialog's own rule). */
export const unitsSchema = z
  .number({ error: 'Enter a number of units' })
  .int('Enter a whole number of units')
  .min(0, 'Enter 0 or more units');

/** The form's message about its lines as a whole ("Ship at least one unit"), under their table. */
export function LinesError({ errors }: { errors: FieldErrors }) {
  const message = (errors.lines as { root?: { message?: string } } | undefined)?.root?.message;
  return message ? (
    <Text size="sm" c="var(--mantine-color-error)" role="alert">
      {message}
    </Text>
  ) : null;
}

/** Why the step is taken, as the timeline and the audit log will say it. */
export function ReasonField<F extends FieldValues>({ control, name }: { control: Control<F, Order>; name: Path<F> }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Textarea label="Reason" required autosize minRows={2} maxRows={4} data-autofocus {...field} error={fieldState.error?.message} />
      )}
    />
  );
}
