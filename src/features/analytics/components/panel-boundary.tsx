import { Alert, Button, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

type Props = { name: string; children: ReactNode };

/** One panel's failure stays in that panel: the rest of the dashboard keeps working. */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error(`The ${this.props.name} panel failed`, error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title={`${this.props.name} could not be shown`} role="alert">
        <Text size="sm">Something went wrong while drawing this panel. The rest of the page is unaffected.</Text>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </Alert>
    );
  }
}
