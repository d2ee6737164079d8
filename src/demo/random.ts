/** The demo draws from the same seeded source as the what-if simulation. */
export { Random } from '../simulation/random';
