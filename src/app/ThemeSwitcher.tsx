import { themeChoices } from '../store/schema';
import type { ThemeChoice } from '../store/schema';
import { useWorkbook } from '../store/store';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeSwitcher() {
  const theme = useWorkbook((s) => s.theme);
  const setTheme = useWorkbook((s) => s.setTheme);
  return (
    <fieldset className="theme-switcher">
      <legend>Theme</legend>
      {themeChoices.map((choice) => (
        <label key={choice}>
          <input
            type="radio"
            name="theme"
            value={choice}
            checked={theme === choice}
            onChange={() => setTheme(choice)}
          />
          <span>{labels[choice]}</span>
        </label>
      ))}
    </fieldset>
  );
}
