import { useId } from "react";

export type Choice<T extends string> = { value: T; label: string; tone?: "long" | "short" };

export type ChoiceGroupProps<T extends string> = {
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Hide the legend visually (it is still read out). */
  hideLegend?: boolean;
};

/** Segmented buttons that are real radio inputs: arrow keys move, Space selects, one tab stop. */
export function ChoiceGroup<T extends string>({
  legend,
  choices,
  value,
  onChange,
  hideLegend,
}: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend className={hideLegend ? "visually-hidden" : "choice-group__legend"}>{legend}</legend>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice-group__option" data-tone={choice.tone}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
