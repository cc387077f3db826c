package com.partnerflow.fund;

/** Whether money may still move on a budget; a closed period's budgets are CLOSED. */
public enum BudgetStatus {
  OPEN,
  CLOSED
}
