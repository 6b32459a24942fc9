-- billing.0007_payment_appointment_links (plan item 040): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
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
-- Add field appointment to paymentrecord
ALTER TABLE [PaymentRecords] ADD [AppointmentId] char(32) NULL;
GO
-- Add field appointment to petexpense
ALTER TABLE [PetExpenses] ADD [AppointmentId] char(32) NULL;
GO
-- Create index IX_Payments_Appointment on field(s) appointment of model paymentrecord
CREATE INDEX [IX_Payments_Appointment] ON [PaymentRecords] ([AppointmentId]);
GO
-- Create constraint CK_Payments_Target on model paymentrecord
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_Payments_Target] CHECK (([AppointmentId] IS NULL OR [UserSubscriptionId] IS NULL));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [PetExpenses_AppointmentId_ba70b2d3] ON [PetExpenses] ([AppointmentId]);
GO
ALTER TABLE [PaymentRecords] ADD CONSTRAINT [PaymentRecords_AppointmentId_9763eaf6_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_AppointmentId_ba70b2d3_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
COMMIT TRANSACTION;
GO
