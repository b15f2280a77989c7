"""Reference for `npm run bench`: what a pandas + openpyxl script takes for the CLI's job.

    python3 scripts/pandas_reference.py customers.csv out.xlsx

Reads the customer CSV (Customer ID, Signup date, Cancel date, ...), computes the monthly churn
table (customers at start, new, churned, customers at end, churn rate) and writes the customers
and the table as two sheets with openpyxl. Prints the seconds it took.
"""
import sys
import time

import pandas as pd

started = time.perf_counter()
source, target = sys.argv[1], sys.argv[2]
customers = pd.read_csv(source, parse_dates=["Signup date", "Cancel date"])
start = customers["Signup date"].dt.to_period("M")
end = customers["Cancel date"].dt.to_period("M")
months = pd.period_range(start.min(), max(start.max(), end.max()), freq="M")
new = start.value_counts().reindex(months, fill_value=0)
churned = end.value_counts().reindex(months, fill_value=0)
at_end = (new - churned).cumsum()
at_start = at_end.shift(1, fill_value=0)
table = pd.DataFrame(
    {
        "Period start": months.to_timestamp(),
        "Customers at start": at_start.values,
        "New customers": new.values,
        "Churned": churned.values,
        "Customers at end": at_end.values,
    }
)
table["Churn rate"] = (table["Churned"] / table["Customers at start"]).where(table["Customers at start"] > 0)
with pd.ExcelWriter(target, engine="openpyxl") as writer:
    customers.to_excel(writer, sheet_name="Customers", index=False)
    table.to_excel(writer, sheet_name="Churn by month", index=False)
print(f"{time.perf_counter() - started:.2f}")
