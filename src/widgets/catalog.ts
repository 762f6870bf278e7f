/**
 * What the content compiler knows about widgets: their types, presets and how to check the
 * attributes a lesson passes them. Pure data and validation only (no React), so the build-time
 * content lint can import it. Each widget adds its entry here when it lands.
 */
import { fromAlertDirective } from './alerting/directive.ts';
import { fromDirective as autoscalerDirective } from './autoscaler/directive.ts';
import { presets as autoscalerPresets } from './autoscaler/params.ts';
import { presets as alertPresets } from './alerting/params.ts';
import { fromDirective as bloomDirective } from './bloom/directive.ts';
import { fromBirthdayDirective } from './birthday/birthdayDirective.ts';
import { bloomPresets } from './bloom/params.ts';
import { birthdayPresets } from './birthday/params.ts';
import { countMinPresets, hllPresets } from './sketches/params.ts';
import { fromSketchesDirective } from './sketches/sketchesDirective.ts';
import { fromDirective as cascadeDirective } from './cascade/directive.ts';
import { presets as cascadePresets } from './cascade/params.ts';
import { fromDirective } from './circuit-breaker/directive.ts';
import { presets } from './circuit-breaker/params.ts';
import { fromDirective as queueDirective } from './queue/directive.ts';
import { presets as queuePresets } from './queue/params.ts';
import { fromDirective as retryStormDirective } from './retry-storm/directive.ts';
import { presets as retryStormPresets } from './retry-storm/params.ts';
import { fromDirective as sagaDirective } from './saga/directive.ts';
import { presets as sagaPresets } from './saga/params.ts';
import { fromDirective as consensusDirective } from './consensus/directive.ts';
import { presets as consensusPresets } from './consensus/params.ts';
import { fromDirective as killSwitchDirective } from './kill-switch/directive.ts';
import { presets as killSwitchPresets } from './kill-switch/params.ts';
import { widgetTitles } from './titles.ts';

export interface WidgetCatalogEntry {
  /** Accessible name of the widget's region, e.g. "Circuit breaker simulator". */
  title: string;
  presets: Readonly<Record<string, { title: string; description: string }>>;
  /** Returns problems with the directive's attributes, in words; empty when they are fine. */
  checkAttributes(attributes: Readonly<Record<string, string>>): string[];
}

export const widgetCatalog: Readonly<Record<string, WidgetCatalogEntry>> = {
  'circuit-breaker': {
    title: widgetTitles['circuit-breaker'],
    presets,
    checkAttributes(attributes) {
      const result = fromDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  queue: {
    title: widgetTitles.queue,
    presets: queuePresets,
    checkAttributes(attributes) {
      const result = queueDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  bloom: {
    title: widgetTitles.bloom,
    presets: bloomPresets,
    checkAttributes(attributes) {
      const result = bloomDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  birthday: {
    title: widgetTitles.birthday,
    presets: birthdayPresets,
    checkAttributes(attributes) {
      const result = fromBirthdayDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  sketches: {
    title: widgetTitles.sketches,
    presets: { ...countMinPresets, ...hllPresets },
    checkAttributes(attributes) {
      const result = fromSketchesDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  'alert-fatigue': {
    title: widgetTitles['alert-fatigue'],
    presets: alertPresets,
    checkAttributes(attributes) {
      const result = fromAlertDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  'retry-storm': {
    title: widgetTitles['retry-storm'],
    presets: retryStormPresets,
    checkAttributes(attributes) {
      const result = retryStormDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  autoscaler: {
    title: widgetTitles.autoscaler,
    presets: autoscalerPresets,
    checkAttributes(attributes) {
      const result = autoscalerDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  saga: {
    title: widgetTitles.saga,
    presets: sagaPresets,
    checkAttributes(attributes) {
      const result = sagaDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  consensus: {
    title: widgetTitles.consensus,
    presets: consensusPresets,
    checkAttributes(attributes) {
      const result = consensusDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  cascade: {
    title: widgetTitles.cascade,
    presets: cascadePresets,
    checkAttributes(attributes) {
      const result = cascadeDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
  'kill-switch': {
    title: widgetTitles['kill-switch'],
    presets: killSwitchPresets,
    checkAttributes(attributes) {
      const result = killSwitchDirective(attributes);
      return result.ok ? [] : result.problems;
    },
  },
};
