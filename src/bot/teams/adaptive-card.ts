// The part of the Adaptive Card schema (1.5, the highest Teams renders) the
// bot draws, as types, and the few element builders every card uses.
import type { Lang } from '../../render/labels.js';

export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type TextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  color?: TextColor;
  isSubtle?: true;
  fontType?: 'monospace';
  spacing?: 'none' | 'small' | 'medium';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  separator?: true;
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: true;
  isRequired?: true;
  errorMessage?: string;
  maxLength?: number;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

/** Teams' own element for preformatted text (no markdown, whitespace kept); other hosts show `fallback`. */
export interface CodeBlock {
  type: 'CodeBlock';
  codeSnippet: string;
  language: 'PlainText';
  fallback: TextBlock;
}

export type CardElement = TextBlock | FactSet | Container | InputText | ActionSet | CodeBlock;

/** What an Action.Submit sends back to the bot (Teams merges the card's inputs, e.g. `summary`, into it). */
export interface SubmitData {
  wf: string;
  value: string;
  summary?: string;
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'positive' | 'destructive';
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
  style?: 'positive' | 'destructive';
}

export type CardAction = SubmitAction | ShowCardAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: string;
  lang?: Lang;
  /** Right to left, for Arabic: Teams lays the whole card out mirrored. */
  rtl?: boolean;
  fallbackText?: string;
  msteams?: { width: 'Full' };
  body: CardElement[];
  actions?: CardAction[];
}

export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string): TextBlock {
  return textBlock(text, { weight: 'bolder', size: 'medium' });
}

export function factSet(facts: { label: string; value: string }[]): FactSet {
  return { type: 'FactSet', facts: facts.map((f) => ({ title: f.label, value: f.value })) };
}

/** A whole card in a language: Arabic cards are right to left. `fallbackText` is escaped by the caller. */
export function adaptiveCard(lang: Lang, fallbackText: string, body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    lang,
    ...(lang === 'ar' ? { rtl: true } : {}),
    fallbackText,
    msteams: { width: 'Full' },
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** A card nested in an Action.ShowCard; it says its direction again, as not every client inherits it. */
export function innerCard(lang: Lang, body: CardElement[], actions: CardAction[]): AdaptiveCard {
  return { type: 'AdaptiveCard', version: ADAPTIVE_CARD_VERSION, ...(lang === 'ar' ? { rtl: true } : {}), body, actions };
}
