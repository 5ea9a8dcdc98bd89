// A test beside its route: not a route module; it imports the action the
// client build strips, which must still link.
import { action } from './orders'

export async function testAction() {
  return typeof action
}
