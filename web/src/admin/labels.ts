/** The Indonesian words of the console for the API's stages (keyed by the generated enum). */
export { STAGE_LABELS, STATUS_LABELS } from '../ppid/labels';
