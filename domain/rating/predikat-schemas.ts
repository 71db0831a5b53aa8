// The schemas of ratings and predikat, for events, commands and the API (apart from predikat.ts: see there).
import { z } from 'zod';
import { predikats, ratings } from './predikat.ts';

export const ratingSchema = z.enum(ratings);
export const predikatSchema = z.enum(predikats);
