import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Control, type Path } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '@/api/api-error';
import { referenceQueries } from '@/api/reference-queries';
import { MAX_SAFETY_DAYS, MAX_STOCK_UNITS } from '@/contract/constants';
import {
  reorderPolicyInputSchema,
  variantSupplyInputSchema,
  type ReorderPolicyInput,
  type VariantSupply,
} from '@/contract/replenishment-schemas';
import type { InventoryLevel } from '@/contract/stock-schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { DEFAULT_LEAD_TIME_DAYS, suggestedPoint, suggestedQuantity } from '@/domain/reorder-rules';
import { applyFreshLevels, useSetReorderPolicy, useSetVariantSupply } from '../api/inventory-mutations';
import { inventoryQueries } from '../api/inventory-queries';
import { freshLevelsOf } from './fresh-levels';
import { freshSupplyOf } from './fresh-supply';
import { CLOSE_BUTTON, formatUnits } from './stock-labels';

/**
 * What the dialog needs of a level: an inventory row fits as it is. From the
 * reorder view, pass the settings set by hand (`reorderPointSet`,
 * `reorderQuantitySet`) as `reorderPoint` and `reorderQuantity`: null means
 * "suggested from sales", not "none".
 */
export type ReorderSettingsLevel = Pick<
  InventoryLevel,
  'variantId' | 'locationId' | 'sku' | 'title' | 'sold28' | 'reorderPoint' | 'reorderQuantity' | 'safetyDays' | 'version'
>;

type Mode = 'suggested' | 'set';

// The API's own rules for each setting (src/contract/replenishment-schemas.ts), so the dialog says what the API would.
const pointSchema = reorderPolicyInputSchema.shape.reorderPoint.unwrap();
const quantitySchema = reorderPolicyInputSchema.shape.reorderQuantity.unwrap();

const formSchema = z
  .object({
    // NaN is an empty field: fine while the setting is left to the suggestion (checked below only when set by hand).
    pointMode: z.enum(['suggested', 'set']),
    reorderPoint: z.number().or(z.nan()),
    quantityMode: z.enum(['suggested', 'set']),
    reorderQuantity: z.number().or(z.nan()),
    safetyDays: reorderPolicyInputSchema.shape.safetyDays,
    /** '' for nobody. */
    supplierId: z.string(),
    supplierSku: variantSupplyInputSchema.shape.supplierSku.unwrap(),
  })
  .superRefine((v, ctx) => {
    // A number typed for a setting left to the suggestion is not sent, so it is not checked either.
    const check = (mode: Mode, schema: z.ZodType, value: number, path: 'reorderPoint' | 'reorderQuantity') => {
      if (mode !== 'set') return;
      const result = schema.safeParse(value);
      if (!result.success)
        ctx.addIssue({ code: 'custom', path: [path], message: result.error.issues[0]?.message ?? 'Enter a number', input: value });
    };
    check(v.pointMode, pointSchema, v.reorderPoint, 'reorderPoint');
    check(v.quantityMode, quantitySchema, v.reorderQuantity, 'reorderQuantity');
  });
type ReorderForm = z.infer<typeof formSchema>;
const FIELDS = new Set<string>(['reorderPoint', 'reorderQuantity', 'safetyDays', 'supplierId', 'supplierSku']);

function defaultsOf(level: ReorderSettingsLevel, supply: { supplierId: string | null; supplierSku: string }): ReorderForm {
  return {
    pointMode: level.reorderPoint === null ? 'suggested' : 'set',
    reorderPoint: level.reorderPoint ?? Number.NaN,
    quantityMode: level.reorderQuantity === null ? 'suggested' : 'set',
    reorderQuantity: level.reorderQuantity ?? Number.NaN,
    safetyDays: level.safetyDays,
    supplierId: supply.supplierId ?? '',
    supplierSku: supply.supplierSku,
  };
}

type ReorderSettingsDialogProps = {
  level: ReorderSettingsLevel;
  onClose: () => void;
  /** Called with the level as saved (its new settings and version). */
  onSaved?: (level: InventoryLevel) => void;
};

/**
 * A level's reorder point, reorder quantity and safety days, each left to the
 * suggestion from sales or set by hand, and who supplies the variant (whose
 * lead time the suggested point covers). The suggestion is worked out here with
 * the same rule the API uses (src/domain/reorder-rules.ts), from the level's
 * 28 days of sales and the supplier chosen, so the person sees what "Suggested"
 * will mean before saving. The settings are sent with the level's version and the
 * supplier with the supply's (If-Match, each as read): a stale one is refused and
 * what is set now is shown beside the fields it concerns, which take it.
 */
export function ReorderSettingsDialog({ level, onClose, onSaved }: ReorderSettingsDialogProps) {
  const supply = useQuery(inventoryQueries.supply(level.variantId));
  const suppliers = useQuery(inventoryQueries.suppliers());
  const locations = useQuery(referenceQueries.locations());
  const where = locations.data?.items.find((l) => l.id === level.locationId)?.name ?? level.locationId;
  const title = `Reorder settings: ${level.sku}`;

  return (
    <Modal opened onClose={onClose} closeButtonProps={CLOSE_BUTTON} title={title} size="lg">
      {supply.error || suppliers.error ? (
        <Alert color="red" title="The variant’s supplier could not be loaded" role="alert">
          <Text size="sm">{(supply.error ?? suppliers.error)?.message}</Text>
          <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void Promise.all([supply.refetch(), suppliers.refetch()])}>
            Try again
          </Button>
        </Alert>
      ) : !supply.data || !suppliers.data ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          Loading the variant’s supplier…
        </Text>
      ) : (
        // Mounted once the supplier is known, so the form starts from it (an edit form takes its data as defaults).
        <ReorderSettingsForm
          level={level}
          where={where}
          supply={supply.data}
          suppliers={suppliers.data.items}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

type Supplier = { id: string; name: string; leadTimeDays: number };

function ReorderSettingsForm({
  level: opened,
  where,
  supply,
  suppliers,
  onClose,
  onSaved,
}: {
  level: ReorderSettingsLevel;
  where: string;
  supply: VariantSupply;
  suppliers: Supplier[];
  onClose: () => void;
  onSaved?: (level: InventoryLevel) => void;
}) {
  const queryClient = useQueryClient();
  const savePolicy = useSetReorderPolicy();
  const saveSupply = useSetVariantSupply();
  // After a 409 this becomes the fresh level, so a second save is made on what is shown.
  const [level, setLevel] = useState(opened);
  // What the variant's supply is on the server: sent again only when the person changed it.
  const [savedSupply, setSavedSupply] = useState(supply);
  const [server] = useState(() => withServerErrors<ReorderForm>(zodResolver(formSchema)));
  const form = useForm<ReorderForm>({
    resolver: server.resolver,
    defaultValues: defaultsOf(opened, supply),
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, reset, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ReorderSettingsLevel | null>(null);
  const [supplyConflict, setSupplyConflict] = useState<VariantSupply | null>(null);

  const [safetyDays, supplierId] = useWatch({ control, name: ['safetyDays', 'supplierId'] });
  const supplier = suppliers.find((s) => s.id === supplierId);
  const leadTimeDays = supplier?.leadTimeDays ?? DEFAULT_LEAD_TIME_DAYS;
  // Safety days being typed (empty, a fraction) count as the level's own until they are a whole number.
  const safety = Number.isInteger(safetyDays) && safetyDays >= 0 ? safetyDays : level.safetyDays;
  const point = suggestedPoint(level.sold28, leadTimeDays, safety);
  const quantity = suggestedQuantity(level.sold28);

  async function submit(values: ReorderForm) {
    setFormError(null);
    setSupplyConflict(null);
    const supplyInput = { supplierId: values.supplierId || null, supplierSku: values.supplierSku.trim() };
    const policy: ReorderPolicyInput = {
      reorderPoint: values.pointMode === 'set' ? values.reorderPoint : null,
      reorderQuantity: values.quantityMode === 'set' ? values.reorderQuantity : null,
      safetyDays: values.safetyDays,
    };
    try {
      if (supplyInput.supplierId !== savedSupply.supplierId || supplyInput.supplierSku !== savedSupply.supplierSku) {
        const saved = await saveSupply.mutateAsync({ supply: savedSupply, input: supplyInput });
        setSavedSupply(saved);
      }
      const saved = await savePolicy.mutateAsync({ level, input: policy });
      notifications.show({
        color: 'green',
        title: 'Reorder settings saved',
        message: `${saved.sku} at ${where}: ${describe('point', saved.reorderPoint, point)}, ${describe('quantity', saved.reorderQuantity, quantity)}, ${saved.safetyDays} safety days`,
      });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      const freshSupply = freshSupplyOf(error);
      if (freshSupply?.variantId === level.variantId) {
        setSavedSupply(freshSupply);
        setSupplyConflict(freshSupply);
        // The supplier set now replaces the one chosen; the level's settings stay as typed (they were not sent yet).
        reset({ ...values, supplierId: freshSupply.supplierId ?? '', supplierSku: freshSupply.supplierSku });
        return;
      }
      const fresh = freshLevelsOf(error)?.find((l) => l.variantId === level.variantId && l.locationId === level.locationId);
      if (fresh) {
        applyFreshLevels(queryClient, [fresh]);
        setLevel(fresh);
        setConflict(fresh);
        // The fresh settings replace what was typed: the person sees what is saved now and decides again.
        reset({ ...defaultsOf(fresh, supplyInput) });
        return;
      }
      if (!(error instanceof ApiError)) throw error;
      const unplaced: string[] = [];
      Object.entries(error.fieldErrors).forEach(([path, message], i) => {
        if (!FIELDS.has(path)) return void unplaced.push(message);
        server.refuse(path, values[path as keyof ReorderForm], message);
        setError(path as Path<ReorderForm>, { type: 'server', message }, { shouldFocus: i === 0 });
      });
      setFormError(Object.keys(error.fieldErrors).length === 0 ? error.message : unplaced.join(' ') || null);
    }
  }

  const supplierOptions = [
    { value: '', label: 'No supplier yet' },
    ...suppliers.map((s) => ({ value: s.id, label: `${s.name} (${s.leadTimeDays} days’ lead time)` })),
  ];

  return (
    <form onSubmit={handleSubmit(submit)} noValidate aria-label={`Reorder settings of ${level.sku} at ${where}`}>
      <Stack gap="sm">
        <Text size="sm">
          {level.title} at {where}
        </Text>
        {conflict && (
          <Alert color="yellow" title="These settings changed since you opened them" role="alert">
            Nothing was saved. Now: {conflict.reorderPoint === null ? 'suggested point' : `point ${formatUnits(conflict.reorderPoint)}`},{' '}
            {conflict.reorderQuantity === null ? 'suggested quantity' : `quantity ${formatUnits(conflict.reorderQuantity)}`},{' '}
            {conflict.safetyDays} safety days. The form shows them; change what you need and save again.
          </Alert>
        )}
        {formError && (
          <Alert color="red" title="The settings were not saved" role="alert">
            {formError}
          </Alert>
        )}
        <Text size="sm" c="dimmed" data-testid="reorder-suggestion" aria-live="polite">
          {level.sold28 > 0
            ? `Suggested from ${formatUnits(level.sold28)} sold in 28 days, ${leadTimeDays} days’ lead time${supplier ? '' : ' (no supplier: two weeks assumed)'} and ${safety} safety days: reorder at ${formatUnits(point)} units, order ${formatUnits(quantity)} at a time.`
            : 'Nothing sold here in 28 days: the suggestion is 0, so this level is never reordered unless you set a quantity by hand.'}
        </Text>
        <PolicyField
          control={control}
          modeName="pointMode"
          valueName="reorderPoint"
          label="Reorder point"
          suggestion={point}
          valueLabel="Reorder point (units)"
          description="Reorder when available + on order + in transit is at or under this"
          min={0}
        />
        <PolicyField
          control={control}
          modeName="quantityMode"
          valueName="reorderQuantity"
          label="Reorder quantity"
          suggestion={quantity}
          valueLabel="Reorder quantity (units)"
          description="Ordered in whole multiples of this"
          min={1}
        />
        <Controller
          control={control}
          name="safetyDays"
          render={({ field, fieldState }) => (
            <NumberInput
              label="Safety days"
              description="Days of sales kept in hand beyond the lead time"
              required
              min={0}
              max={MAX_SAFETY_DAYS}
              allowDecimal={false}
              allowNegative={false}
              w={{ base: '100%', xs: 300 }}
              value={Number.isNaN(field.value) ? '' : field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        {supplyConflict && (
          <Alert color="yellow" title="The supplier changed since you opened these settings" role="alert">
            Nothing was saved. Now: {supplyWords(supplyConflict, suppliers)}. The supplier fields show it; change what you need and save
            again.
          </Alert>
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Controller
            control={control}
            name="supplierId"
            render={({ field, fieldState }) => (
              <Select
                label="Supplier"
                description="For every location of this variant"
                allowDeselect={false}
                data={supplierOptions}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
                w={{ base: '100%', xs: 300 }}
              />
            )}
          />
          <Controller
            control={control}
            name="supplierSku"
            render={({ field, fieldState }) => (
              <TextInput
                label="Supplier SKU"
                description="Their code for it, on purchase orders"
                autoComplete="off"
                {...field}
                error={fieldState.error?.message}
                w={{ base: '100%', xs: 200 }}
              />
            )}
          />
        </Group>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Who supplies the variant, in words: "Braidline Cables, supplier SKU BR-1" or "no supplier, no supplier SKU". */
function supplyWords(supply: VariantSupply, suppliers: readonly Supplier[]): string {
  const who = supply.supplierId === null ? 'no supplier' : (suppliers.find((s) => s.id === supply.supplierId)?.name ?? supply.supplierId);
  return `${who}, ${supply.supplierSku ? `supplier SKU ${supply.supplierSku}` : 'no supplier SKU'}`;
}

function describe(what: 'point' | 'quantity', set: number | null, suggested: number): string {
  return set === null ? `${what} suggested (${formatUnits(suggested)})` : `${what} ${formatUnits(set)}`;
}

/** One setting: the suggestion, or a number set by hand (typed in the field that appears). */
function PolicyField({
  control,
  modeName,
  valueName,
  label,
  suggestion,
  valueLabel,
  description,
  min,
}: {
  control: Control<ReorderForm>;
  modeName: 'pointMode' | 'quantityMode';
  valueName: 'reorderPoint' | 'reorderQuantity';
  label: string;
  suggestion: number;
  valueLabel: string;
  description: string;
  min: number;
}) {
  const mode = useWatch({ control, name: modeName });
  return (
    <Stack gap={4}>
      <Controller
        control={control}
        name={modeName}
        render={({ field }) => (
          <Radio.Group label={label} value={field.value} onChange={(v) => field.onChange(v as Mode)}>
            <Group gap="md" mt={4}>
              <Radio value="suggested" label={`Suggested (${formatUnits(suggestion)} from sales)`} />
              <Radio value="set" label="Set by hand" />
            </Group>
          </Radio.Group>
        )}
      />
      {mode === 'set' && (
        <Controller
          control={control}
          name={valueName}
          render={({ field, fieldState }) => (
            <NumberInput
              label={valueLabel}
              description={description}
              required
              min={min}
              max={MAX_STOCK_UNITS}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              w={{ base: '100%', xs: 300 }}
              value={Number.isNaN(field.value) ? '' : field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      )}
    </Stack>
  );
}
