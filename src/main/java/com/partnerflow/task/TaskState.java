package com.partnerflow.task;

/** Where an inbox task stands. Only OPEN tasks are listed and can be worked on. */
public enum TaskState {
  OPEN,
  /** One completion has won the race and is being sent to the engine. */
  COMPLETING,
  COMPLETED,
  /** The engine no longer has the task: interrupted by a boundary event or instance cancelled. */
  VANISHED
}
