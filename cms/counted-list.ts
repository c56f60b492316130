/**
 * Decap's list widget heads its items with the number glued to the field's
 * label and adds with the singular label as is: «0 метки», «Добавить метка».
 * Russian nouns change with the number and the case, so this wrapper gives
 * the widget a counted noun that agrees with its number («0 элементов»,
 * «1 элемент», «3 элемента», «Добавить элемент»); the field's own label still
 * stands above the list. Everything else — items, sorting, the checks Decap
 * asks the widget for — is the inner widget's.
 */
import { createElement, type ComponentType } from 'react';
import { cmsUi } from '../src/i18n/ru.ts';
import { pluralForm } from '../src/lib/plural.ts';
import { WrappedControl } from './wrapped-control.ts';

/** The part of Decap's field (an Immutable Map) the wrapper changes. */
interface FieldMap {
  set(key: string, value: string): FieldMap;
}

interface ListProps {
  field: FieldMap;
  value?: { size?: number } | null;
  [prop: string]: unknown;
}

/** The field as the list widget should see it: labels that agree with `count`. */
export function countedField(field: FieldMap, count: number): FieldMap {
  return field.set('label', pluralForm(count, cmsUi.listItem)).set('label_singular', cmsUi.listItem[0]);
}

/** Wraps Decap's list control so that it counts its items in Russian. */
export function countedList(Inner: ComponentType<ListProps>): ComponentType<ListProps> {
  return class CountedList extends WrappedControl<ListProps> {
    override render() {
      const count = this.props.value?.size ?? 0;
      return createElement(Inner, { ...this.props, field: countedField(this.props.field, count), ref: this.inner });
    }
  };
}
