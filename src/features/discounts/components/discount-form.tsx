import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Card, Checkbox, Grid, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Controller, FormProvider, get, useForm, useWatch, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { DISCOUNT_SCOPES, STORE_TIME_ZONE, type DiscountType } from '@/contract/constants';
import { discountInputSchema, discountSchema, type Discount, type DiscountInput } from '@/contract/discount-schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { MoneyInput } from '@/components/money-input';
import { PageHeader } from '@/components/page-header';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { formatMoment } from '@/lib/date-format';
import { discountToInput, SCOPE_LABELS, STATUS_COLORS, STATUS_LABELS } from '../discount-labels';
import { DiscountConflictDialog } from './discount-conflict-dialog';
import classes from './discounts.module.css';
import { PercentInput, StoreDateTimeInput, WholeNumberInput } from './fields';
import { PreviewPanel } from './preview-panel';
import { TargetPicker } from './target-picker';

type DiscountFormProps = {
  /** The discount being edited; absent when creating one. */
  discount?: Discount;
  initial: DiscountInput;
  /** Sends the discount; `version` is the one the edit is based on (absent when creating). */
  save: (input: DiscountInput, version: number | undefined) => Promise<Discount>;
  onSaved: (discount: Discount) => void;
  /** For people who may look but not edit: every field disabled, no Save, no quick action. */
  readOnly?: boolean;
  /** Shown between the header and the form (a discount's performance). */
  children?: ReactNode;
};

/**
 * The contract's schema says what is wrong; a few of its answers are zod's own words
 * for an empty or unreadable field ("Invalid input…"), put here as a person would say them.
 */
const PLAIN_WORDS: Partial<Record<keyof DiscountInput, string>> = {
  value: 'Enter a value',
  minimumQuantity: 'Enter a whole number of units, or leave it empty',
  usageLimit: 'Enter a whole number of orders, or leave it empty',
  startsAt: 'Choose the day it starts',
  endsAt: 'Choose the day it ends',
};

/**
 * zod checks the rules between fields (a code for a code, targets for a scope, the end after
 * the start) only once every field parses, so an empty form would say "Enter a value" but not
 * "Enter the code customers type". The schema is asked again with each unreadable field given
 * a stand-in that parses, and its messages about the other fields are shown too.
 */
function standIns(values: DiscountInput): Partial<DiscountInput> {
  return {
    title: 'x',
    value: values.type === 'percent' ? 1 : values.type === 'amount' ? 1 : 0,
    minimumSubtotal: null,
    minimumQuantity: null,
    usageLimit: null,
    startsAt: '2000-01-01T00:00:00Z',
    endsAt: null,
  };
}

function inPlainWords(resolver: Resolver<DiscountInput>): Resolver<DiscountInput> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors = result.errors as FieldErrors<DiscountInput>;
    const failed = Object.keys(errors) as (keyof DiscountInput)[];
    if (failed.length === 0) return result;
    const fill = standIns(values);
    if (failed.every((field) => field in fill)) {
      const patched = { ...values, ...Object.fromEntries(failed.map((field) => [field, fill[field]])) };
      const again = discountInputSchema.safeParse(patched);
      for (const issue of again.success ? [] : again.error.issues) {
        const field = issue.path[0] as keyof DiscountInput;
        // A rule about a stand-in (or measured against one: the end against a stand-in start) is not the person's.
        if (failed.includes(field) || (field === 'endsAt' && failed.includes('startsAt'))) continue;
        if (!errors[field]) (errors as Record<string, unknown>)[field] = { type: 'custom', message: issue.message };
      }
    }
    for (const [field, words] of Object.entries(PLAIN_WORDS) as [keyof DiscountInput, string][]) {
      const error = errors[field];
      if (error && typeof error.message === 'string' && /^Invalid/.test(error.message)) error.message = words;
    }
    return result;
  };
}

/** The paths of a 422 that name a field of this form; others are shown above it. */
const FORM_FIELD =
  /^(kind|code|title|type|value|scope|targetIds|minimumSubtotal|minimumQuantity|usageLimit|oncePerCustomer|startsAt|endsAt|combines|enabled)(\.|$)/;

export function DiscountForm({ discount, initial, save, onSaved, readOnly = false, children }: DiscountFormProps) {
  const [server] = useState(() => withServerErrors<DiscountInput>(inPlainWords(zodResolver(discountInputSchema))));
  const form = useForm<DiscountInput>({ resolver: server.resolver, defaultValues: initial, mode: 'onTouched' });
  const { control, register, handleSubmit, setValue, getValues, setError, reset, formState } = form;
  const [base, setBase] = useState(discount);
  const [conflict, setConflict] = useState<Discount | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [quickPending, setQuickPending] = useState(false);
  const [kind, type, scope] = useWatch({ control, name: ['kind', 'type', 'scope'] });
  const [hasEnd, setHasEnd] = useState(initial.endsAt !== null);

  async function submit(input: DiscountInput, version = base?.version) {
    setFormError(null);
    try {
      const saved = await save(input, version);
      server.clear();
      setBase(saved);
      reset(discountToInput(saved));
      setHasEnd(saved.endsAt !== null);
      notifications.show({ color: 'green', title: 'Discount saved', message: saved.code ?? saved.title });
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const current = discountSchema.safeParse(error.problem.current);
      if (error.isConflict && current.success) {
        setConflict(current.data);
        return;
      }
      const fields = Object.entries(error.fieldErrors);
      const unplaced: string[] = [];
      fields.forEach(([path, message], i) => {
        if (!FORM_FIELD.test(path)) return void unplaced.push(message);
        server.refuse(path, get(input, path), message);
        setError(path as Path<DiscountInput>, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(
        fields.length === 0
          ? error.message
          : unplaced.length
            ? unplaced.join(' ')
            : 'Some fields need attention: see the messages beside them.',
      );
    }
  }

  /** "Disable now" / "Enable": the discount as saved, with only `enabled` flipped, at the version it was read. */
  async function flipEnabled() {
    if (!base) return;
    setQuickPending(true);
    try {
      const saved = await save({ ...discountToInput(base), enabled: !base.enabled }, base.version);
      setBase(saved);
      reset(discountToInput(saved));
      notifications.show({
        color: 'green',
        title: saved.enabled ? 'Discount enabled' : 'Discount disabled',
        message: `${saved.code ?? saved.title} is ${STATUS_LABELS[saved.status].toLowerCase()}.`,
      });
      onSaved(saved);
    } catch (error) {
      const current = error instanceof ApiError ? discountSchema.safeParse(error.problem.current) : null;
      if (error instanceof ApiError && error.isConflict && current?.success) {
        // Nothing of the person's is unsaved (the action waits for a clean form): show what is there now.
        setBase(current.data);
        reset(discountToInput(current.data));
        notifications.show({
          color: 'orange',
          title: 'Someone changed this discount meanwhile',
          message: 'Their version is shown now. Check it, then try again.',
        });
      } else {
        notifications.show({ color: 'red', title: 'Nothing was changed', message: error instanceof Error ? error.message : 'Try again.' });
      }
    } finally {
      setQuickPending(false);
    }
  }

  const changeType = (next: DiscountType) => {
    setValue('type', next, { shouldDirty: true });
    setValue('value', next === 'free_shipping' ? 0 : Number.NaN, { shouldDirty: true });
    if (next === 'free_shipping') {
      setValue('scope', 'order', { shouldDirty: true });
      setValue('targetIds', [], { shouldDirty: true });
    }
  };

  const heading = base ? (
    <Group gap="sm" component="span">
      <span>{base.code ?? base.title}</span>
      <Badge color={STATUS_COLORS[base.status]} variant="dot">
        {STATUS_LABELS[base.status]}
      </Badge>
    </Group>
  ) : (
    'New discount'
  );

  return (
    <FormProvider {...form}>
      <UnsavedChangesGuard when={formState.isDirty && !formState.isSubmitting} />
      <PageHeader
        title={heading}
        description={
          base
            ? `${base.code ? `${base.title} · ` : 'Automatic offer · '}version ${base.version} · updated ${formatMoment(base.updatedAt)}`
            : undefined
        }
        actions={
          base &&
          !readOnly && (
            <Stack gap={2} align="flex-end">
              <Button
                // Green, light or filled, falls short of 4.5:1 with its text: Enable is the app's own filled button.
                color={base.enabled ? 'red' : undefined}
                variant={base.enabled ? 'light' : 'filled'}
                onClick={() => void flipEnabled()}
                loading={quickPending}
                disabled={formState.isDirty || quickPending}
              >
                {base.enabled ? 'Disable now' : 'Enable'}
              </Button>
              {formState.isDirty && (
                <Text size="xs" c="dimmed">
                  Save or discard your changes first
                </Text>
              )}
            </Stack>
          )
        }
      />
      {children}
      <form
        className={classes.form}
        onSubmit={handleSubmit((values) => submit(values))}
        noValidate
        aria-label={base ? `Edit ${base.code ?? base.title}` : 'New discount'}
      >
        <fieldset disabled={readOnly} className={classes.fieldset}>
          <Stack gap="md">
            {readOnly && (
              <Alert color="gray" title="View only">
                Your role can see this discount but not change it. Merchandisers, managers and admins create and change discounts.
              </Alert>
            )}
            {formError && (
              <Alert color="red" title="The discount was not saved" role="alert">
                {formError}
              </Alert>
            )}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Stack gap="md">
                  <Card withBorder>
                    <Stack gap="sm">
                      <Title order={2} size="h4">
                        Discount
                      </Title>
                      <Controller
                        control={control}
                        name="kind"
                        render={({ field }) => (
                          <Radio.Group
                            label="How customers get it"
                            value={field.value}
                            onChange={(v) => {
                              field.onChange(v);
                              if (v === 'automatic') setValue('code', null, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                            }}
                          >
                            <Group gap="md" mt={4}>
                              <Radio value="code" label="A code they type" />
                              <Radio value="automatic" label="Automatic offer" />
                            </Group>
                          </Radio.Group>
                        )}
                      />
                      {kind === 'code' && (
                        <Controller
                          control={control}
                          name="code"
                          render={({ field, fieldState }) => (
                            <TextInput
                              label="Code"
                              description="Letters, digits, - and _; customers may type it in any case"
                              required
                              autoComplete="off"
                              value={field.value ?? ''}
                              onChange={(e) => field.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
                              onBlur={field.onBlur}
                              ref={field.ref}
                              error={fieldState.error?.message}
                              classNames={{ input: classes.code }}
                            />
                          )}
                        />
                      )}
                      <TextInput
                        label="Title"
                        description={kind === 'automatic' ? 'Customers see it at checkout' : 'What the team calls it'}
                        required
                        {...register('title')}
                        error={formState.errors.title?.message}
                      />
                    </Stack>
                  </Card>
                  <Card withBorder>
                    <Stack gap="sm">
                      <Title order={2} size="h4">
                        Value
                      </Title>
                      <Radio.Group label="Type" value={type} onChange={(v) => changeType(v as DiscountType)}>
                        <Group gap="md" mt={4}>
                          <Radio value="percent" label="Percent off" />
                          <Radio value="amount" label="Amount off" />
                          <Radio value="free_shipping" label="Free shipping" />
                        </Group>
                      </Radio.Group>
                      {type !== 'free_shipping' && (
                        <Controller
                          control={control}
                          name="value"
                          render={({ field, fieldState }) =>
                            type === 'percent' ? (
                              <PercentInput
                                label="Percent off"
                                description="Like 15 or 12.5"
                                required
                                w={200}
                                value={field.value}
                                onChange={(v) => field.onChange(v ?? Number.NaN)}
                                onBlur={field.onBlur}
                                ref={field.ref}
                                error={fieldState.error?.message}
                              />
                            ) : (
                              <MoneyInput
                                label="Amount off"
                                description="Like 5 or 4.99; never more than the items it applies to"
                                required
                                w={200}
                                value={field.value}
                                onChange={(v) => field.onChange(v ?? Number.NaN)}
                                onBlur={field.onBlur}
                                ref={field.ref}
                                error={fieldState.error?.message}
                              />
                            )
                          }
                        />
                      )}
                    </Stack>
                  </Card>
                  <Card withBorder>
                    <Stack gap="sm">
                      <Title order={2} size="h4">
                        Applies to
                      </Title>
                      <Controller
                        control={control}
                        name="scope"
                        render={({ field, fieldState }) => (
                          <Radio.Group
                            label="What it takes money off"
                            value={field.value}
                            onChange={(v) => {
                              field.onChange(v);
                              setValue('targetIds', [], { shouldDirty: true });
                            }}
                            error={fieldState.error?.message}
                          >
                            <Group gap="md" mt={4}>
                              {DISCOUNT_SCOPES.map((s) => (
                                <Radio key={s} value={s} label={SCOPE_LABELS[s]} disabled={type === 'free_shipping' && s !== 'order'} />
                              ))}
                            </Group>
                          </Radio.Group>
                        )}
                      />
                      <Controller
                        control={control}
                        name="targetIds"
                        render={({ field, fieldState }) => (
                          <TargetPicker
                            scope={scope}
                            value={field.value}
                            onChange={(ids) => {
                              field.onChange(ids);
                              field.onBlur();
                            }}
                            error={fieldState.error?.message}
                            disabled={readOnly}
                          />
                        )}
                      />
                    </Stack>
                  </Card>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Stack gap="md">
                  <Card withBorder>
                    <Stack gap="sm">
                      <Title order={2} size="h4">
                        Requirements and limits
                      </Title>
                      <Group gap="sm" align="flex-start">
                        <Controller
                          control={control}
                          name="minimumSubtotal"
                          render={({ field, fieldState }) => (
                            <MoneyInput
                              label="Minimum subtotal"
                              description="Before discounts; empty for none"
                              w={200}
                              value={field.value}
                              onChange={field.onChange}
                              onBlur={field.onBlur}
                              ref={field.ref}
                              error={fieldState.error?.message}
                            />
                          )}
                        />
                        <Controller
                          control={control}
                          name="minimumQuantity"
                          render={({ field, fieldState }) => (
                            <WholeNumberInput
                              label="Minimum quantity"
                              description="Units it applies to; empty for none"
                              w={200}
                              value={field.value}
                              onChange={field.onChange}
                              onBlur={field.onBlur}
                              ref={field.ref}
                              error={fieldState.error?.message}
                            />
                          )}
                        />
                      </Group>
                      <Controller
                        control={control}
                        name="usageLimit"
                        render={({ field, fieldState }) => (
                          <WholeNumberInput
                            label="Usage limit"
                            description="Orders in all; empty for no limit"
                            w={200}
                            value={field.value}
                            onChange={field.onChange}
                            onBlur={field.onBlur}
                            ref={field.ref}
                            error={fieldState.error?.message}
                          />
                        )}
                      />
                      <Checkbox label="Once per customer" {...register('oncePerCustomer')} />
                      <Checkbox
                        label="Combines with other discounts"
                        description="Off: an order gets this one or another, not both"
                        {...register('combines')}
                      />
                    </Stack>
                  </Card>
                  <Card withBorder>
                    <Stack gap="sm">
                      <Title order={2} size="h4">
                        Active dates
                      </Title>
                      <Text size="xs" c="dimmed">
                        Times are the store’s ({STORE_TIME_ZONE.replace('_', ' ')}, ET), wherever you are. It turns on and off by itself.
                      </Text>
                      <Controller
                        control={control}
                        name="startsAt"
                        render={({ field, fieldState }) => (
                          <StoreDateTimeInput
                            label="Starts on"
                            value={field.value}
                            onChange={field.onChange}
                            onBlur={field.onBlur}
                            error={fieldState.error?.message}
                            disabled={readOnly}
                          />
                        )}
                      />
                      <Checkbox
                        label="Ends at a set time"
                        checked={hasEnd}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setHasEnd(on);
                          setValue('endsAt', on ? '' : null, { shouldDirty: true, shouldValidate: formState.isSubmitted });
                        }}
                      />
                      {hasEnd && (
                        <Controller
                          control={control}
                          name="endsAt"
                          render={({ field, fieldState }) => (
                            <StoreDateTimeInput
                              label="Ends on"
                              value={field.value ?? ''}
                              onChange={field.onChange}
                              onBlur={field.onBlur}
                              error={fieldState.error?.message}
                              disabled={readOnly}
                            />
                          )}
                        />
                      )}
                      <Checkbox label="Enabled" description="Off: disabled at once, whatever its dates" {...register('enabled')} />
                    </Stack>
                  </Card>
                </Stack>
              </Grid.Col>
            </Grid>
            {!readOnly && (
              <Group justify="flex-end" className={classes.actions}>
                {base && (
                  <Text size="sm" c="dimmed">
                    {formState.isDirty ? 'Unsaved changes' : 'All changes saved'}
                  </Text>
                )}
                <Button
                  type="button"
                  variant="default"
                  disabled={!formState.isDirty || formState.isSubmitting}
                  onClick={() => {
                    reset();
                    setHasEnd(getValues('endsAt') !== null);
                  }}
                >
                  Discard changes
                </Button>
                <Button
                  type="submit"
                  loading={formState.isSubmitting}
                  disabled={formState.isSubmitting || (Boolean(base) && !formState.isDirty)}
                >
                  {base ? 'Save' : 'Create discount'}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
        <PreviewPanel control={control} />
      </div>
      {conflict && base && (
        <DiscountConflictDialog
          base={discountToInput(base)}
          mine={getValues()}
          theirs={conflict}
          onReload={() => {
            setBase(conflict);
            reset(discountToInput(conflict));
            setHasEnd(conflict.endsAt !== null);
            setConflict(null);
          }}
          onKeepMine={() => {
            const mine = getValues();
            setBase(conflict);
            setConflict(null);
            void submit(mine, conflict.version);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </FormProvider>
  );
}
