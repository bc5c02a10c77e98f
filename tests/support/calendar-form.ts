import { hoursField, type GridDay } from '../../src/lib/domain/support-calendar';

/** The fields a grid posts, named as the calendar form names its inputs. */
export function gridFields(grid: GridDay[]): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const { day, hours } of grid) {
		for (const [i, row] of hours.entries()) {
			fields[hoursField('open', day, i + 1)] = row.open;
			fields[hoursField('close', day, i + 1)] = row.close;
		}
	}
	return fields;
}
