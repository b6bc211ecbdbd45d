/** Version and date of the dataset in geodata/. Bump when geodata changes. */
export const DATASET = { version: '1.0.0', date: '2026-11-28' };
export const PLAN = { title_zh: '越城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', doc: '越政发〔2021〕10号', issued: '2021-04-09' };
