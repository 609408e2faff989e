import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../api/client';
import document from './openapi.fixture.json';
import { commandForms } from './command-form.model';
import { CommandFormView } from './command-form';

const forms = commandForms(document, '/api/opportunities');
const changeAmount = forms.get('ChangeAmount')!;

const renderForm = (send: jest.Mock) =>
  render(
    <MantineProvider>
      <CommandFormView form={changeAmount} dealId="opp-1" currency="EUR" send={send} />
    </MantineProvider>,
  );

describe('a generated command form', () => {
  it('renders an input per field, labelled in words, with the currency of the deal', () => {
    renderForm(jest.fn());
    expect(screen.getByLabelText(/^Amount/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Currency').value).toBe('EUR');
    expect(screen.getByLabelText('Reason')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change amount' })).toBeTruthy();
  });

  it('sends minor units to the path of the command', async () => {
    const send = jest.fn().mockResolvedValue(undefined);
    renderForm(send);
    fireEvent.change(screen.getByLabelText(/^Amount/), { target: { value: '1,250.75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change amount' }));
    // 1,250.75 euro = 125,075 cents
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('/api/opportunities/opp-1/amount', {
        amount: { amountMinor: 125_075, currency: 'EUR' },
      }),
    );
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it("shows the api's field error at the field and marks the input invalid", async () => {
    const send = jest.fn().mockRejectedValue(
      new ApiError(400, {
        code: 'INVALID_INPUT',
        errors: [{ field: 'amount.currency', messages: ['currency must be an ISO-4217 code such as EUR'] }],
      }),
    );
    renderForm(send);
    fireEvent.change(screen.getByLabelText(/^Amount/), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'XYZ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change amount' }));
    expect(await screen.findByText('currency must be an ISO-4217 code such as EUR')).toBeTruthy();
    expect(screen.getByLabelText(/^Amount/).getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a bad amount at the field without sending', async () => {
    const send = jest.fn();
    renderForm(send);
    fireEvent.change(screen.getByLabelText(/^Amount/), { target: { value: '10.999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change amount' }));
    expect(await screen.findByText('at most 2 decimals')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });
});
