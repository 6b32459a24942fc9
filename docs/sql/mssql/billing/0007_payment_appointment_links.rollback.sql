-- billing.0007_payment_appointment_links (plan item 040): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Undo: Create constraint CK_Payments_Target on model paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_Payments_Target];
GO
-- Undo: Create index IX_Payments_Appointment on field(s) appointment of model paymentrecord
DROP INDEX [IX_Payments_Appointment] ON [PaymentRecords];
GO
-- Undo: Add field appointment to petexpense
ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_AppointmentId_ba70b2d3_fk_Appointments_Id];
GO
DROP INDEX [PetExpenses_AppointmentId_ba70b2d3] ON [PetExpenses];
GO
ALTER TABLE [PetExpenses] DROP COLUMN [AppointmentId];
GO
-- Undo: Add field appointment to paymentrecord
ALTER TABLE [PaymentRecords] DROP CONSTRAINT [PaymentRecords_AppointmentId_9763eaf6_fk_Appointments_Id];
GO
ALTER TABLE [PaymentRecords] DROP COLUMN [AppointmentId];
GO
COMMIT TRANSACTION;
GO
