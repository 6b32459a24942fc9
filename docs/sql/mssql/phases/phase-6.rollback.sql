-- Phase 6 rollback script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
-- doggy.0005_system_health (plan item 042)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SystemIncidents]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SystemIncidents]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SystemIncidents]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [SystemIncidents]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[HealthCheckResults]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[HealthCheckResults]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[HealthCheckResults]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [HealthCheckResults]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BackgroundJobRuns]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BackgroundJobRuns]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BackgroundJobRuns]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [BackgroundJobRuns]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ApiMetricBuckets]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ApiMetricBuckets]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ApiMetricBuckets]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ApiMetricBuckets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0005_reporting (plan item 041)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] DROP CONSTRAINT [CK_ReportRuns_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] DROP CONSTRAINT [CK_ReportRuns_Format]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'DROP INDEX [IX_ReportRuns_Created] ON [ReportRuns]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'DROP INDEX [IX_ReportRuns_Status] ON [ReportRuns]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'DROP INDEX [IX_ReportRuns_User_Created] ON [ReportRuns]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportDefinitions] DROP CONSTRAINT [CK_ReportDefinitions_Audience]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportDefinitions] DROP CONSTRAINT [UX_ReportDefinitions_Key]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ReportRuns]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ReportRuns]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ReportRuns]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ReportRuns]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ReportDefinitions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ReportDefinitions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ReportDefinitions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ReportDefinitions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DashboardSnapshots]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DashboardSnapshots]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DashboardSnapshots]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DashboardSnapshots]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0008_billing_customers_backfill (plan item 040)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill')
    THROW 50001, N'billing.0008_billing_customers_backfill runs Python (remove_backfilled_customers): apply it with manage.py plan rollback, or manage.py migrate billing <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0007_payment_appointment_links (plan item 040)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_Payments_Target]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'DROP INDEX [IX_Payments_Appointment] ON [PaymentRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_AppointmentId_ba70b2d3_fk_Appointments_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'DROP INDEX [PetExpenses_AppointmentId_ba70b2d3] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [AppointmentId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [PaymentRecords_AppointmentId_9763eaf6_fk_Appointments_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP COLUMN [AppointmentId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0006_seed_expense_categories (plan item 040)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories')
    THROW 50001, N'billing.0006_seed_expense_categories runs Python (unseed_categories): apply it with manage.py plan rollback, or manage.py migrate billing <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0005_expenses (plan item 040)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [CK_PetExpenses_Source]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_PetExpenses_Payment] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [CK_PetExpenses_Amount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [IX_PetExpenses_Dog_Date] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [IX_PetExpenses_Owner_Date] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [CK_ExpenseBudgets_Period]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [CK_ExpenseBudgets_Amount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_ExpenseBudgets_Total] ON [ExpenseBudgets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_ExpenseBudgets_Key] ON [ExpenseBudgets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseCategories] DROP CONSTRAINT [CK_ExpenseCat_System]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_ExpenseCat_Owner_Slug] ON [ExpenseCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_ExpenseCat_System_Slug] ON [ExpenseCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_ExpenseCat_Owner_Name] ON [ExpenseCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [UX_ExpenseCat_System_Name] ON [ExpenseCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_VetVisitId_e8d6bf0a_fk_VetVisits_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [PetExpenses_VetVisitId_e8d6bf0a] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [VetVisitId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_ReceiptFileId_fd5d0959_fk_StoredFiles_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [PetExpenses_ReceiptFileId_fd5d0959] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [ReceiptFileId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_PaymentRecordId_9ec88974_fk_PaymentRecords_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [PaymentRecordId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_OwnerId_487a1489_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [OwnerId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_DogId_404d209b_fk_DogProfiles_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [DogId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP CONSTRAINT [PetExpenses_CategoryId_b73b4f9c_fk_ExpenseCategories_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [PetExpenses_CategoryId_b73b4f9c] ON [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] DROP COLUMN [CategoryId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [ExpenseBudgets_CategoryId_addb8cb9_fk_ExpenseCategories_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [ExpenseBudgets_CategoryId_addb8cb9] ON [ExpenseBudgets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] DROP COLUMN [CategoryId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseCategories] DROP CONSTRAINT [ExpenseCategories_OwnerId_6a130935_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [ExpenseCategories_OwnerId_6a130935] ON [ExpenseCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseCategories] DROP COLUMN [OwnerId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] DROP CONSTRAINT [ExpenseBudgets_OwnerId_d73721ee_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DROP INDEX [ExpenseBudgets_OwnerId_d73721ee] ON [ExpenseBudgets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] DROP COLUMN [OwnerId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PetExpenses]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PetExpenses]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PetExpenses]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PetExpenses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExpenseCategories]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExpenseCategories]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExpenseCategories]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ExpenseCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExpenseBudgets]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExpenseBudgets]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ExpenseBudgets]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ExpenseBudgets]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0004_online_payment_tracking (plan item 039)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_online_payment_tracking')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_online_payment_tracking';
END;
GO
-- billing.0004_payment_tracking (plan item 039)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [CK_PaymentRefunds_Reason]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [CK_PaymentRefunds_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [CK_Refunds_Amount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [UX_Refunds_ProviderRefundId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_PaymentRecords_PaymentProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_PaymentRecords_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_PaymentRecords_Purpose]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_Payments_Fee]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [CK_Payments_Amounts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DROP INDEX [UX_Payments_Prov_PaymentId] ON [PaymentRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DROP INDEX [IX_Payments_User_Created] ON [PaymentRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] DROP CONSTRAINT [CK_BillingCustomers_PaymentProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] DROP CONSTRAINT [UX_BillingCust_Prov_CustId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] DROP CONSTRAINT [UX_BillingCust_User_Provider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentWebhookEvents] DROP CONSTRAINT [CK_PaymentWebhookEvents_ProcessingStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentWebhookEvents] DROP CONSTRAINT [CK_PaymentWebhookEvents_PaymentProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentWebhookEvents] DROP CONSTRAINT [UX_WebhookEvents_Prov_Event]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DROP INDEX [IX_WebhookEvents_Pending] ON [PaymentWebhookEvents]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] DROP CONSTRAINT [PaymentRefunds_PaymentId_5f4f0aea_fk_PaymentRecords_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DROP INDEX [PaymentRefunds_PaymentId_5f4f0aea] ON [PaymentRefunds]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] DROP COLUMN [PaymentId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [PaymentRecords_UserSubscriptionId_c6d9a4fd_fk_UserSubscriptions_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DROP INDEX [PaymentRecords_UserSubscriptionId_c6d9a4fd] ON [PaymentRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP COLUMN [UserSubscriptionId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP CONSTRAINT [PaymentRecords_UserId_497f4bb4_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] DROP COLUMN [UserId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] DROP CONSTRAINT [BillingCustomers_UserId_0415b7ac_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] DROP COLUMN [UserId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] DROP CONSTRAINT [CK_UserSubscriptions_PaymentProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] ADD CONSTRAINT [CK_UserSubscriptions_PaymentProvider] CHECK ([PaymentProvider] IN (''Stripe'', ''AppStore'', ''GooglePlay'', ''Manual''))');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentWebhookEvents]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentWebhookEvents]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentWebhookEvents]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PaymentWebhookEvents]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentRefunds]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentRefunds]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentRefunds]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PaymentRefunds]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentRecords]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentRecords]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PaymentRecords]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PaymentRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BillingCustomers]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BillingCustomers]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BillingCustomers]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [BillingCustomers]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0014_credential_expiry_notice (plan item 038)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice')
BEGIN
    EXEC(N'ALTER TABLE [ProviderCredentials] DROP COLUMN [ExpiryNoticeSentAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0013_seed_credential_types (plan item 038)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types')
    THROW 50001, N'accounts.0013_seed_credential_types runs Python (unseed_credential_types): apply it with manage.py plan rollback, or manage.py migrate accounts <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0012_provider_verification (plan item 038)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderCredentialTypes]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderCredentialTypes]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderCredentialTypes]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ProviderCredentialTypes]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderCredentials]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderCredentials]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderCredentials]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ProviderCredentials]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BackgroundChecks]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BackgroundChecks]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[BackgroundChecks]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [BackgroundChecks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- pets.0005_copy_dog_contacts (plan item 037)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0005_copy_dog_contacts')
    THROW 50001, N'pets.0005_copy_dog_contacts runs Python (copy_backward): apply it with manage.py plan rollback, or manage.py migrate pets <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0005_copy_dog_contacts')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0005_copy_dog_contacts';
END;
GO
-- pets.0004_emergency_contacts (plan item 037)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'ALTER TABLE [DogEmergencyContacts] DROP CONSTRAINT [UX_DogEmergContacts_Dog_Cont]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'DROP INDEX [UX_EmergContacts_Owner_Primary] ON [EmergencyContacts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'DROP INDEX [IX_EmergContacts_Owner] ON [EmergencyContacts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogVeterinarians]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogVeterinarians]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogVeterinarians]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogVeterinarians]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogEmergencyContacts]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogEmergencyContacts]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogEmergencyContacts]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogEmergencyContacts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[EmergencyContacts]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[EmergencyContacts]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[EmergencyContacts]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [EmergencyContacts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
