CREATE OR REPLACE FUNCTION public.duration_bucket_upper(bucket integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
     SELECT (ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 72, 76, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160, 168, 176, 184, 192, 200, 208, 216, 224, 232, 240, 280, 320, 360, 400, 440, 480, 520, 560, 600, 640, 680, 680])[bucket] * 60
   $function$;
