CREATE TABLE "periodic_task_lease" (
	"task" text PRIMARY KEY NOT NULL,
	"held_by" text NOT NULL,
	"held_until" timestamp with time zone NOT NULL
);
