import { Card, Text, Title } from '@mantine/core';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ForecastMethod } from '../api/types';
import type { FanPoint } from './forecast.model';
import { METHOD_LABEL } from './forecast.model';

const COLOR: Readonly<Record<ForecastMethod, string>> = {
  'stage-weighted': 'var(--mantine-color-teal-7)',
  'category-weighted': 'var(--mantine-color-orange-7)',
  historical: 'var(--mantine-color-grape-7)',
  'monte-carlo': 'var(--mantine-color-blue-9)',
};

/**
 * The fan: the Monte Carlo P10–P90 band and P50 over this and the next quarter, with each method's expected
 * amount as its own line. Amounts in major units of the reporting currency (the table beside it is exact).
 */
export function ForecastFan({
  points,
  currency,
}: Readonly<{ points: readonly FanPoint[]; currency: string }>) {
  const compact = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact' });
  const full = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const methods = (Object.keys(METHOD_LABEL) as ForecastMethod[]).filter((m) => m !== 'monte-carlo');
  return (
    <Card withBorder data-testid="forecast-fan">
      <Title order={3} size="h5" mb="xs">
        Fan: P10–P90 of the amount won (Monte Carlo), with each method
      </Title>
      <div style={{ width: '100%', height: 260 }} role="img" aria-label="Forecast fan chart">
        <ResponsiveContainer>
          <ComposedChart data={[...points]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" />
            <YAxis width={72} tickFormatter={(v: number) => compact.format(v)} />
            <Tooltip
              formatter={(value) =>
                Array.isArray(value)
                  ? value.map((v) => full.format(Number(v))).join(' – ')
                  : full.format(Number(value))
              }
            />
            <Legend />
            <Area
              dataKey="band"
              name="P10–P90"
              stroke="var(--mantine-color-blue-4)"
              fill="var(--mantine-color-blue-2)"
              isAnimationActive={false}
            />
            <Line
              dataKey="p50"
              name="P50"
              stroke={COLOR['monte-carlo']}
              strokeWidth={3}
              isAnimationActive={false}
            />
            {methods.map((m) => (
              <Line
                key={m}
                dataKey={m}
                name={METHOD_LABEL[m]}
                stroke={COLOR[m]}
                strokeDasharray="5 4"
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Text size="xs" c="dimmed">
        Each point is the forecast for the quarter as a whole: won already plus expected from open deals.
      </Text>
    </Card>
  );
}
