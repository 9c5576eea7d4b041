// Placeholder until the calibration eval lands.
export async function run(): Promise<void> {}
