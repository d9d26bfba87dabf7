import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Grid, Group, Select, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '@/api/reference-queries';
import { useEffect, useRef, useState } from 'react';
import { Controller, FormProvider, get, useForm, useFormContext, useFormState, useWatch, type Path } from 'react-hook-form';
import { ApiError } from '@/api/api-error';
import { PRODUCT_STATUSES } from '@/contract/constants';
import { productInputSchema, productSchema, type Product, type ProductInput } from '@/contract/schemas';
import { withServerErrors } from '@/components/forms/server-errors';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { toHandle } from '@/contract/values/handle';
import { sameCombinations, syncVariants } from '../product-input';
import { productToInput } from '@/contract/product-input';
import { ConflictDialog } from './conflict-dialog';
import { ImagesEditor } from './images-editor';
import { OptionsEditor } from './options-editor';
import { PRODUCT_STATUS_LABELS } from '@/lib/status-labels';
import classes from './product-form.module.css';
import { VariantsEditor } from './variants-editor';

type ProductFormProps = {
  /** The product being edited; absent when creating one. */
  product?: Product;
  initial: ProductInput;
  /** Sends the product; `version` is the one the edit is based on (absent when creating). */
  save: (input: ProductInput, version: number | undefined) => Promise<Product>;
  onSaved: (product: Product) => void;
  /** For people who may look but not edit: every field disabled, no Save. */
  readOnly?: boolean;
};

/**
 * The handle follows the title until the person edits the handle themselves. Its own component, watching the title, so
 * a keystroke in the title does not draw the whole form again.
 */
function HandleFollowsTitle({ edited }: { edited: boolean }) {
  const { control, setValue } = useFormContext<ProductInput>();
  const title = useWatch({ control, name: 'title' });
  const { isSubmitted } = useFormState({ control });
  useEffect(() => {
    if (!edited) setValue('handle', toHandle(title ?? ''), { shouldValidate: isSubmitted });
  }, [title, edited, setValue, isSubmitted]);
  return null;
}

/** Options generate the variants; watched here, for the same reason. */
function VariantsFollowOptions() {
  const { control, getValues, setValue } = useFormContext<ProductInput>();
  const options = useWatch({ control, name: 'options' });
  useEffect(() => {
    const current = getValues('variants');
    const next = syncVariants(options ?? [], current);
    if (!sameCombinations(current, next)) setValue('variants', next, { shouldDirty: true });
  }, [options, getValues, setValue]);
  return null;
}

export function ProductForm({ product, initial, save, onSaved, readOnly = false }: ProductFormProps) {
  const [server] = useState(() => withServerErrors<ProductInput>(zodResolver(productInputSchema)));
  const form = useForm<ProductInput>({ resolver: server.resolver, defaultValues: initial, mode: 'onTouched' });
  const { control, register, handleSubmit, getValues, setError, reset, formState } = form;
  const categories = useQuery(referenceQueries.categories());
  const [base, setBase] = useState(product);
  const [conflict, setConflict] = useState<Product | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [handleEdited, setHandleEdited] = useState(Boolean(product));

  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = formRef.current;
    element?.addEventListener('focusin', keepClearOfSaveBar);
    return () => element?.removeEventListener('focusin', keepClearOfSaveBar);
  }, []);

  async function submit(input: ProductInput, version = base?.version) {
    setFormError(null);
    try {
      const saved = await save(input, version);
      server.clear();
      setBase(saved);
      reset(productToInput(saved));
      notifications.show({ color: 'green', title: 'Product saved', message: saved.title });
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const current = productSchema.safeParse(error.problem.current);
      if (error.isConflict && current.success) {
        setConflict(current.data);
        return;
      }
      const fields = Object.entries(error.fieldErrors);
      const unplaced: string[] = [];
      fields.forEach(([path, message], i) => {
        if (!FORM_FIELD.test(path)) return void unplaced.push(message);
        server.refuse(path, get(input, path), message);
        setError(path as Path<ProductInput>, { type: 'server', message }, { shouldFocus: i === 0 });
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

  return (
    <FormProvider {...form}>
      <HandleFollowsTitle edited={handleEdited} />
      <VariantsFollowOptions />
      <UnsavedChangesGuard when={formState.isDirty && !formState.isSubmitting} />
      <form
        className={classes.form}
        onSubmit={handleSubmit((values) => submit(values))}
        ref={formRef}
        noValidate
        aria-label={product ? `Edit ${product.title}` : 'New product'}
      >
        {/* A disabled fieldset disables every field inside it, including those added later (variants, images). */}
        <fieldset disabled={readOnly} className={classes.fieldset}>
          <Stack gap="md">
            {readOnly && (
              <Alert color="gray" title="View only">
                Your role can see this product but not change it. Merchandisers, managers and admins edit products and prices.
              </Alert>
            )}
            {formError && (
              <Alert color="red" title="The product was not saved" role="alert">
                {formError}
              </Alert>
            )}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Stack gap="md">
                  <Card withBorder>
                    <Stack gap="sm">
                      <TextInput label="Title" required {...register('title')} error={formState.errors.title?.message} />
                      <TextInput
                        label="Handle"
                        description="The product's address in the store; made from the title until you change it"
                        required
                        {...register('handle', { onChange: () => setHandleEdited(true) })}
                        error={formState.errors.handle?.message}
                      />
                      <Textarea
                        label="Description"
                        autosize
                        minRows={3}
                        maxRows={10}
                        {...register('description')}
                        error={formState.errors.description?.message}
                      />
                    </Stack>
                  </Card>
                  <ImagesEditor />
                  <OptionsEditor />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Card withBorder>
                  <Stack gap="sm">
                    <Title order={2} size="h4">
                      Organisation
                    </Title>
                    <Controller
                      control={control}
                      name="status"
                      render={({ field }) => (
                        <Select
                          label="Status"
                          data={PRODUCT_STATUSES.map((s) => ({ value: s, label: PRODUCT_STATUS_LABELS[s] }))}
                          allowDeselect={false}
                          value={field.value}
                          onChange={(v) => v && field.onChange(v)}
                          onBlur={field.onBlur}
                          ref={field.ref}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="categoryId"
                      render={({ field, fieldState }) => (
                        <Select
                          label="Category"
                          required
                          placeholder="Choose a category"
                          data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                          value={field.value || null}
                          onChange={(v) => field.onChange(v ?? '')}
                          onBlur={field.onBlur}
                          ref={field.ref}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="tags"
                      render={({ field, fieldState }) => (
                        <TagsInput
                          label="Tags"
                          description="Press Enter after each tag"
                          value={field.value}
                          onChange={(v) => field.onChange(v.map((t) => t.trim().toLowerCase()).filter(Boolean))}
                          onBlur={field.onBlur}
                          ref={field.ref}
                          error={fieldState.error?.message}
                          clearable
                        />
                      )}
                    />
                  </Stack>
                </Card>
              </Grid.Col>
            </Grid>
            <VariantsEditor />
            {!readOnly && (
              <Group justify="flex-end" className={classes.actions}>
                {product && (
                  <Text size="sm" c="dimmed">
                    {formState.isDirty ? 'Unsaved changes' : 'All changes saved'}
                  </Text>
                )}
                <Button type="button" variant="default" disabled={!formState.isDirty || formState.isSubmitting} onClick={() => reset()}>
                  Discard changes
                </Button>
                <Button
                  type="submit"
                  loading={formState.isSubmitting}
                  disabled={formState.isSubmitting || (Boolean(product) && !formState.isDirty)}
                >
                  {product ? 'Save' : 'Create product'}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
      {conflict && base && (
        <ConflictDialog
          base={productToInput(base)}
          mine={getValues()}
          theirs={conflict}
          onReload={() => {
            setBase(conflict);
            reset(productToInput(conflict));
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

/**
 * A field clicked just above the sticky Save bar is not scrolled by the browser, so the message that
 * appears under it when it is left would be hidden under the bar. Focusing a typing field scrolls it,
 * only as far as needed, to leave the room its scroll-margin asks for (product-form.module.css).
 */
function keepClearOfSaveBar(event: FocusEvent) {
  const field = event.target;
  if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && !field.readOnly)) {
    field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

/** The paths of a 422 that name a field of this form (title, variants.0.sku …); others are shown above it. */
const FORM_FIELD = /^(title|handle|description|categoryId|tags|status|images|options|variants)(\.|$)/;
